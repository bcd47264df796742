using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Replaces personal data in a case note with placeholders before the note is stored. It errs on the side of
/// redacting: a mistyped IBAN or an appointment date is replaced as well, because the scrubber cannot tell them apart
/// from the real thing.
/// <list type="bullet">
/// <item><c>[E-MAIL]</c>: e-mail addresses, also with non-Latin letters. A name inside an address counts as one
/// e-mail, not as a name.</item>
/// <item><c>[IBAN]</c>: two letters, two check digits, 11-30 letters or digits of which at least 8 are digits,
/// written solid or in groups of four. The check digits are not verified (a typo is still an account number).</item>
/// <item><c>[TELEFON]</c>: numbers starting with <c>+</c>, <c>00</c>, <c>0</c> or <c>(0</c>, in groups separated by
/// one space, <c>-</c> or <c>/</c>, with at least 7 digits (8 for international numbers). Postcodes, times, amounts
/// and case codes never start that way or are too short.</item>
/// <item><c>[DATUM]</c>: full calendar dates only, i.e. day, month and year: <c>12.03.1985</c>, <c>12.3.85</c>,
/// <c>12. 03. 1985</c>, <c>12/03/1985</c> (day and month either way round), <c>1985-03-12</c>,
/// <c>12. März 1985</c>. Every full date is replaced, not only birth dates. Dates without a year (<c>12.03.</c>),
/// a month with a year (<c>März 1985</c>), years alone, times and impossible dates (<c>31.02.1985</c>) stay.</item>
/// <item><c>[NAME]</c>: each word of at least two letters of the client's known names, as a whole word, ignoring
/// case and diacritics (<see cref="NameFolding"/>). A suffix after an apostrophe stays: <c>Yılmaz'ın</c> becomes
/// <c>[NAME]'ın</c>. Words that merely contain a name (<c>Alimente</c> for <c>Ali</c>) stay.</item>
/// </list>
/// Placeholders already in the text are left as they are, so scrubbing twice changes nothing.
/// </summary>
public static partial class NoteScrubber
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Iban = "iban";
    public const string Date = "date";
    public const string Name = "name";

    /// <summary>Marks characters already claimed; not a letter, digit, '@' or separator any pattern looks for.</summary>
    private const char Claimed = '\uE000';

    private const int MinimumIbanDigits = 8;
    private const int MinimumNationalPhoneDigits = 7;
    private const int MinimumInternationalPhoneDigits = 8;

    private static readonly string[] KindOrder = [Email, Phone, Iban, Date, Name];

    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        [Email] = "[E-MAIL]", [Phone] = "[TELEFON]", [Iban] = "[IBAN]", [Date] = "[DATUM]", [Name] = "[NAME]",
    };

    public static ScrubResult Scrub(string text, IReadOnlyCollection<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownNames);

        var working = text.ToCharArray();
        var found = new List<(int Start, int Length, string Kind)>();

        Claim(working, PlaceholderPattern(), kind: null, found);
        Claim(working, EmailPattern(), Email, found);
        Claim(working, IbanPattern(), Iban, found, IbanLength);
        Claim(working, PhonePattern(), Phone, found, PhoneLength);
        Claim(working, DatePattern(), Date, found, DateLength);
        foreach (var (start, length) in NameFolding.FindNames(new string(working), knownNames))
        {
            found.Add((start, length, Name));
        }

        return Build(text, found);
    }

    /// <summary>
    /// Finds the pattern in the text not yet claimed, lets <paramref name="accept"/> shorten or refuse each match
    /// (0 refuses), records it and blanks it out so later patterns cannot see it.
    /// </summary>
    private static void Claim(
        char[] working, Regex pattern, string? kind, List<(int, int, string)> found, Func<Match, int>? accept = null)
    {
        var input = new string(working);
        for (var match = pattern.Match(input); match.Success; match = match.NextMatch())
        {
            var length = accept?.Invoke(match) ?? match.Length;
            if (length == 0)
            {
                continue;
            }

            if (kind is not null)
            {
                found.Add((match.Index, length, kind));
            }

            working.AsSpan(match.Index, length).Fill(Claimed);
        }
    }

    private static ScrubResult Build(string text, List<(int Start, int Length, string Kind)> found)
    {
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var output = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length, kind) in found)
        {
            output.Append(text, position, start - position).Append(Placeholders[kind]);
            position = start + length;
        }

        output.Append(text, position, text.Length - position);
        var redactions = KindOrder
            .Select(kind => new Redaction(kind, found.Count(f => f.Kind == kind)))
            .Where(r => r.Count > 0)
            .ToList();
        return new ScrubResult(output.ToString(), redactions);
    }

    /// <summary>Drops trailing groups without digits (words after an IBAN), then checks length and digit count.</summary>
    private static int IbanLength(Match match)
    {
        var value = match.ValueSpan;
        while (value.LastIndexOf(' ') is var space and > 0 && !value[space..].ContainsAnyInRange('0', '9'))
        {
            value = value[..space];
        }

        var bban = value[4..];
        var characters = bban.Length - bban.Count(' ');
        var digits = CountDigits(bban);
        return characters is >= 11 and <= 30 && digits >= MinimumIbanDigits ? value.Length : 0;
    }

    private static int PhoneLength(Match match)
    {
        var international = match.ValueSpan.StartsWith('+') || match.ValueSpan.StartsWith("00");
        var minimum = international ? MinimumInternationalPhoneDigits : MinimumNationalPhoneDigits;
        return CountDigits(match.ValueSpan) >= minimum ? match.Length : 0;
    }

    private static int DateLength(Match match)
    {
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var twoDigitYear = match.Groups["y"].Length == 2;
        if (match.Groups["mn"].Success)
        {
            return IsDate(day, MonthNumber(match.Groups["mn"].Value), year, twoDigitYear) ? match.Length : 0;
        }

        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var valid = IsDate(day, month, year, twoDigitYear) ||
                    (match.ValueSpan.Contains('/') && IsDate(month, day, year, twoDigitYear));
        return valid ? match.Length : 0;
    }

    private static bool IsDate(int day, int month, int year, bool twoDigitYear)
    {
        if (month is < 1 or > 12 || day < 1 || (!twoDigitYear && year < 1000))
        {
            return false;
        }

        // 2000 is a leap year, so a two-digit year that is a multiple of four is a leap year in either century.
        return day <= DateTime.DaysInMonth(twoDigitYear ? 2000 + year : year, month);
    }

    /// <summary>Month names and abbreviations are told apart by their first three letters once folded.</summary>
    private static int MonthNumber(string name) =>
        NameFolding.Fold(name)[..3] switch
        {
            "jan" => 1, "feb" => 2, "mar" or "mrz" => 3, "apr" => 4, "mai" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "okt" => 10, "nov" => 11, "dez" => 12,
            _ => 0,
        };

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }
}

public sealed record ScrubResult(string Text, IReadOnlyList<Redaction> Redactions);

/// <summary>How many places of one kind were replaced: <c>email</c>, <c>phone</c>, <c>iban</c>, <c>date</c> or <c>name</c>.</summary>
public sealed record Redaction(string Kind, int Count);
