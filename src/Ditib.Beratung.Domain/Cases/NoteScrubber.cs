using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Replaces personal data in a case note (or a referral summary) with placeholders before it is stored. It knows the
/// client (<see cref="ScrubKnowledge"/>: names of the client and related persons, birth dates, address) and looks for
/// the shapes of contact data and German identity numbers; everything else in the note stays as written.
/// <list type="bullet">
/// <item><c>[E-MAIL]</c>: e-mail addresses, also with non-Latin letters. A name inside an address counts as one
/// e-mail, not as a name.</item>
/// <item><c>[IBAN]</c>: two letters, two check digits, 11-30 letters or digits of which at least 8 are digits,
/// written solid or in groups of four. The check digits are not verified (a typo is still an account number).</item>
/// <item><c>[STEUER-ID]</c>, <c>[RV-NUMMER]</c>, <c>[KV-NUMMER]</c>: the tax id (<c>12 345 678 903</c> or solid), the
/// pension-insurance number (<c>12 120385 Y 125</c>) and the health-insurance number (<c>A123456780</c>), only when
/// their check digits hold (<see cref="GermanIdNumbers"/>).</item>
/// <item><c>[TELEFON]</c>: numbers starting with <c>+</c>, <c>00</c>, <c>0</c> or <c>(0</c>, in groups separated by
/// one space, <c>-</c> or <c>/</c>, with at least 7 digits (8 for international numbers). Postcodes, times, amounts
/// and case codes never start that way or are too short.</item>
/// <item><c>[ADRESSE]</c>: the known street with a house number, and the postcode and city after it
/// (<see cref="AddressMatcher"/>).</item>
/// <item><c>[DATUM]</c>: a full date (<c>12.03.1985</c>, <c>12.3.85</c>, <c>12. 03. 1985</c>, <c>12/03/1985</c>,
/// <c>1985-03-12</c>, <c>12. März 1985</c>, <c>12 Mart 1985</c>) that is a known birth date, or that a birth word
/// introduces (<c>geb.</c>, <c>geboren am</c>, <c>Geburtsdatum</c>, <c>*</c>, <c>doğum tarihi</c>, <c>d.t.</c>,
/// <c>DOB</c>) or follows (<c>doğumlu</c>). Other dates (appointments, deadlines, application dates) stay.</item>
/// <item><c>[NAME]</c>: the words of the known names, as whole words, ignoring case and diacritics, in other
/// spellings and with suffixes (<see cref="NameMatcher"/>). A suffix stays: <c>Yılmaz'ın</c> becomes
/// <c>[NAME]'ın</c>, <c>Yılmazlar</c> <c>[NAME]lar</c>. Words that merely contain a name (<c>Alimente</c> for
/// <c>Ali</c>) stay.</item>
/// </list>
/// Placeholders already in the text are left as they are, so scrubbing twice changes nothing.
/// </summary>
public static partial class NoteScrubber
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Iban = "iban";
    public const string TaxId = "tax-id";
    public const string PensionNumber = "pension-number";
    public const string HealthInsuranceNumber = "health-insurance-number";
    public const string Address = "address";
    public const string Date = "date";
    public const string Name = "name";

    /// <summary>Marks characters already claimed; not a letter, digit, '@' or separator any pattern looks for.</summary>
    private const char Claimed = '\uE000';

    private const int MinimumIbanDigits = 8;
    private const int MinimumNationalPhoneDigits = 7;
    private const int MinimumInternationalPhoneDigits = 8;

    /// <summary>How far before a date a birth word is looked for.</summary>
    private const int BirthWordReach = 60;

    /// <summary>The kinds in the order a result lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Email, Phone, Iban, TaxId, PensionNumber, HealthInsuranceNumber, Address, Date, Name];

    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        [Email] = "[E-MAIL]", [Phone] = "[TELEFON]", [Iban] = "[IBAN]", [TaxId] = "[STEUER-ID]", [PensionNumber] = "[RV-NUMMER]",
        [HealthInsuranceNumber] = "[KV-NUMMER]", [Address] = "[ADRESSE]", [Date] = "[DATUM]", [Name] = "[NAME]",
    };

    /// <summary>Scrubs with the client's names only (no birth dates, no address known).</summary>
    public static ScrubResult Scrub(string text, IReadOnlyCollection<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        return Scrub(text, new ScrubKnowledge(knownNames, [], []));
    }

    public static ScrubResult Scrub(string text, ScrubKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knowledge);

        var working = text.ToCharArray();
        var found = new List<(int Start, int Length, string Kind)>();

        Claim(working, PlaceholderPattern(), kind: null, found);
        Claim(working, EmailPattern(), Email, found);
        Claim(working, IbanPattern(), Iban, found, (_, match) => IbanLength(match));
        Claim(working, TaxIdPattern(), TaxId, found, (_, match) => Valid(match, GermanIdNumbers.IsTaxId));
        Claim(working, PensionNumberPattern(), PensionNumber, found, (_, match) => Valid(match, GermanIdNumbers.IsPensionInsuranceNumber));
        Claim(working, HealthInsuranceNumberPattern(), HealthInsuranceNumber, found,
            (_, match) => Valid(match, GermanIdNumbers.IsHealthInsuranceNumber));
        Claim(working, PhonePattern(), Phone, found, (_, match) => PhoneLength(match));
        foreach (var address in knowledge.Addresses.Select(AddressMatcher.Create).OfType<AddressMatcher>())
        {
            ClaimAll(working, address.Find(new string(working)), Address, found);
        }

        Claim(working, DatePattern(), Date, found, (input, match) => BirthDateLength(input, match, knowledge.BirthDates));
        ClaimAll(working, new NameMatcher(knowledge.Names).Find(new string(working)), Name, found);

        return Build(text, found);
    }

    /// <summary>
    /// Finds the pattern in the text not yet claimed, lets <paramref name="accept"/> shorten or refuse each match
    /// (0 refuses), records it and blanks it out so later patterns cannot see it.
    /// </summary>
    private static void Claim(
        char[] working, Regex pattern, string? kind, List<(int, int, string)> found, Func<string, Match, int>? accept = null)
    {
        var input = new string(working);
        for (var match = pattern.Match(input); match.Success; match = match.NextMatch())
        {
            var length = accept?.Invoke(input, match) ?? match.Length;
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

    /// <summary>Records places found by a matcher and blanks them out; places overlapping an earlier claim are skipped.</summary>
    private static void ClaimAll(char[] working, IEnumerable<(int Start, int Length)> places, string kind, List<(int, int, string)> found)
    {
        foreach (var (start, length) in places.ToList())
        {
            if (!working.AsSpan(start, length).Contains(Claimed))
            {
                found.Add((start, length, kind));
                working.AsSpan(start, length).Fill(Claimed);
            }
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
        var redactions = Kinds
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

    /// <summary>A valid full date that is a known birth date, or that a birth word introduces or follows; 0 otherwise.</summary>
    private static int BirthDateLength(string input, Match match, IReadOnlyCollection<LocalDate> birthDates)
    {
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var twoDigitYear = match.Groups["y"].Length == 2;
        var month = match.Groups["mn"].Success
            ? MonthNumber(match.Groups["mn"].Value)
            : int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var readings = new List<(int Day, int Month)>(2);
        if (IsDate(day, month, year, twoDigitYear))
        {
            readings.Add((day, month));
        }

        if (match.ValueSpan.Contains('/') && IsDate(month, day, year, twoDigitYear))
        {
            readings.Add((month, day));
        }

        if (readings.Count == 0)
        {
            return 0;
        }

        var known = readings.Any(r => birthDates.Any(b => b.Day == r.Day && b.Month == r.Month && (twoDigitYear ? b.Year % 100 == year : b.Year == year)));
        var before = NameFolding.Fold(input[Math.Max(0, match.Index - BirthWordReach)..match.Index]);
        var after = NameFolding.Fold(input[(match.Index + match.Length)..Math.Min(input.Length, match.Index + match.Length + BirthWordReach)]);
        return known || BirthWordBefore().IsMatch(before) || BirthWordAfter().IsMatch(after) ? match.Length : 0;
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
            "jan" or "oca" => 1, "feb" or "sub" => 2, "mar" or "mrz" => 3, "apr" or "nis" => 4, "mai" or "may" => 5,
            "jun" or "haz" => 6, "jul" or "tem" => 7, "aug" or "agu" => 8, "sep" or "eyl" => 9, "okt" or "eki" => 10,
            "nov" or "kas" => 11, "dez" or "ara" => 12,
            _ => 0,
        };

    /// <summary>The match without its spaces, if the check-digit rule holds for it.</summary>
    private static int Valid(Match match, CheckDigitRule rule) =>
        rule(match.Value.Replace(" ", "", StringComparison.Ordinal)) ? match.Length : 0;

    private delegate bool CheckDigitRule(ReadOnlySpan<char> value);

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

/// <summary>
/// What the scrubber knows of the client: the names of the client and of related persons, their birth dates, and
/// addresses as written in the identity (free text, e.g. <c>Weseler Straße 112, 47169 Duisburg</c>).
/// </summary>
public sealed record ScrubKnowledge(IReadOnlyCollection<string> Names, IReadOnlyCollection<LocalDate> BirthDates, IReadOnlyCollection<string> Addresses);

public sealed record ScrubResult(string Text, IReadOnlyList<Redaction> Redactions);

/// <summary>
/// How many places of one kind were replaced: <c>email</c>, <c>phone</c>, <c>iban</c>, <c>tax-id</c>,
/// <c>pension-number</c>, <c>health-insurance-number</c>, <c>address</c>, <c>date</c> or <c>name</c>.
/// </summary>
public sealed record Redaction(string Kind, int Count);
