using System.Text.RegularExpressions;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Finds a known street address in a text: the street as recorded (compared folded, <see cref="NameFolding"/>) with
/// its street word in any usual form (<c>Weseler Straße</c>, <c>Weseler Str.</c>, <c>Weselerstr.</c>,
/// <c>Weseler-Strasse</c>), followed by a house number (<c>112</c>, <c>112a</c>, <c>112-114</c>, <c>12/1</c>); with
/// the postcode and the recorded city when they follow. The street without a number (a street is also a place people
/// pass) and a postcode on its own stay.
/// </summary>
internal sealed partial class AddressMatcher
{
    private const string HouseNumber =
        @"[ ]*(?:nr\.?[ ]*)?[0-9]{1,4}(?:[ ]?[a-z](?![\p{L}\p{N}]))?(?:[ ]?[\-/][ ]?[0-9]{1,4}(?:[a-z](?![\p{L}\p{N}]))?)?(?![\p{L}\p{N}])";

    private readonly Regex pattern;

    private AddressMatcher(Regex pattern) => this.pattern = pattern;

    /// <summary>
    /// A matcher for the address written in free text, or null when no street of three letters or more can be read
    /// from it. The street is the line (or comma-separated part) before the first digit: <c>c/o Demir, Weseler Str. 112</c>
    /// has the street <c>Weseler Str.</c>.
    /// </summary>
    public static AddressMatcher? Create(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var folded = NameFolding.Fold(address);
        var firstDigit = folded.AsSpan().IndexOfAnyInRange('0', '9');
        var beforeNumber = firstDigit < 0 ? folded : folded[..firstDigit];
        var street = beforeNumber[(beforeNumber.TrimEnd(',', ' ').LastIndexOfAny([',', '\n']) + 1)..].Trim().TrimEnd(',', '.', ' ');
        var stem = StreetWord().Match(street) is { Success: true } withWord ? withWord.Groups["stem"].Value : null;
        var words = Words().Matches(stem ?? street).Select(w => Regex.Escape(w.Value)).ToList();
        if (words.Sum(w => w.Length) < 3)
        {
            return null;
        }

        var streetPattern = string.Join(@"[ \-]?", words) + (stem is null ? "" : @"[ \-]?(?:strasse|str(?![\p{L}])\.?)");
        var rest = firstDigit < 0 ? "" : folded[firstDigit..];
        var city = Postcode().Match(rest) is { Success: true } postcode
            ? Words().Matches(rest[(postcode.Index + postcode.Length)..].Split(',', '\n')[0]).Select(w => Regex.Escape(w.Value)).ToList()
            : [];
        var tail = @"(?:[ ]*,?[ ]*[0-9]{5}(?![\p{N}])" + (city.Count > 0 ? $@"(?:[ ]+{string.Join(@"[ \-]?", city)}(?![\p{{L}}\p{{N}}]))?" : "") + ")?";
        return new AddressMatcher(new Regex(
            @"(?<![\p{L}\p{N}])" + streetPattern + HouseNumber + tail,
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The places (start, length) in <paramref name="text"/> where the address stands.</summary>
    public IEnumerable<(int Start, int Length)> Find(string text)
    {
        var folded = NameFolding.FoldWithOrigins(text);
        var characters = new string(folded.Characters, 0, folded.Length);
        for (var match = pattern.Match(characters); match.Success; match = match.NextMatch())
        {
            var start = folded.Starts[match.Index];
            yield return (start, folded.Ends[match.Index + match.Length - 1] - start);
        }
    }

    [GeneratedRegex(@"^(?<stem>.+?)[ \-]?(?:strasse|str)\.?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex StreetWord();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<![0-9])[0-9]{5}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
