using System.Text.RegularExpressions;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// The patterns, source-generated. Each starts only where a run begins (a lookbehind) and repeats only groups that
/// open with a required separator, so a failed attempt backtracks a bounded number of steps: scrubbing stays linear
/// in the length of the note. Lengths and calendar rules are checked in code afterwards.
/// </summary>
public static partial class NoteScrubber
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\[(?:E-MAIL|TELEFON|IBAN|STEUER-ID|RV-NUMMER|KV-NUMMER|ADRESSE|DATUM|NAME)\]", Options)]
    private static partial Regex PlaceholderPattern();

    /// <summary>
    /// No lookbehind: the leftmost match starts where the run of address characters starts anyway, and without one
    /// the engine searches for the <c>@</c> and walks back, instead of trying every letter.
    /// </summary>
    [GeneratedRegex(
        @"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}",
        Options)]
    private static partial Regex EmailPattern();

    /// <summary>
    /// Country code and check digits, then 11-30 characters solid or in groups of four. The lookbehind comes after
    /// the first four characters so that the engine can search for their shape first.
    /// </summary>
    [GeneratedRegex(
        @"[A-Za-z]{2}[0-9]{2}(?<![\p{L}\p{N}][A-Za-z]{2}[0-9]{2})" +
        @"(?:[A-Za-z0-9]{11,30}|(?:[ ][A-Za-z0-9]{4}){2,7}(?:[ ][A-Za-z0-9]{1,4})?)" +
        @"(?![\p{L}\p{N}])",
        Options)]
    private static partial Regex IbanPattern();

    /// <summary>Eleven digits, the first not 0, solid or as <c>12 345 678 903</c>; not part of an amount or a longer number.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+\-/.,])[1-9][0-9](?:[0-9]{9}|(?:[ ][0-9]{3}){3})(?![\p{L}\p{N}])(?![.,][0-9])", Options)]
    private static partial Regex TaxIdPattern();

    /// <summary>Area, birth date, letter, serial and check digit, solid or spaced: <c>12 120385 Y 125</c>, <c>12120385Y125</c>.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[0-9]{2}[ ]?[0-9]{6}[ ]?[A-Z][ ]?[0-9]{2}[ ]?[0-9](?![\p{L}\p{N}])", Options)]
    private static partial Regex PensionNumberPattern();

    /// <summary>A capital letter and nine digits: <c>A123456780</c>.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z][0-9]{9}(?![\p{L}\p{N}])", Options)]
    private static partial Regex HealthInsuranceNumberPattern();

    /// <summary>
    /// <c>+49 …</c>, <c>0049 …</c>, <c>(0203) …</c>, <c>0203.…</c> or <c>0203…</c>, then up to six groups of digits,
    /// each after one separator: a space, <c>-</c> or <c>/</c> (optionally spaced), or a bracketed part such as
    /// <c>(0)</c>. A dot only after an area code of three to five digits, so <c>09.30</c> and dates stay.
    /// Not after a letter, digit, <c>-</c>, <c>/</c> or a decimal point, not before a time or decimal part.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}0-9_+\-/])(?<![0-9][.,:])" +
        @"(?:(?:\+|00)[1-9][0-9]{0,13}|\(0[1-9][0-9]{1,4}\)[ ]?[0-9]{1,12}|0[1-9][0-9]{1,4}\.[0-9]{3,12}|0[1-9][0-9]{1,13})" +
        @"(?:(?:[ ]?[\-/][ ]?|[ ]|[ ]?\([0-9]{1,5}\)[ ]?)[0-9]{1,12}){0,6}" +
        @"(?![\p{L}\p{N}])(?![.,:][0-9])",
        Options)]
    private static partial Regex PhonePattern();

    /// <summary>
    /// Day, month and year: <c>12.03.1985</c>, <c>12.3.85</c>, <c>12. 03. 1985</c> (spaced only with a four-digit
    /// year, so enumerations like <c>10. 11. 12.</c> stay), <c>12/03/1985</c>, <c>1985-03-12</c>,
    /// <c>12. März 1985</c>, <c>12 Mart 1985</c>, also when a time follows as in <c>2026-03-12T14:30</c>.
    /// </summary>
    [GeneratedRegex(
        @"(?<![0-9])(?<![0-9][.,/\-:])(?:" +
        @"(?<d>[0-9]{1,2})\.(?<m>[0-9]{1,2})\.(?<y>[0-9]{4}|[0-9]{2})" +
        @"|(?<d>[0-9]{1,2})\.[ ]?(?<m>[0-9]{1,2})\.[ ]?(?<y>[0-9]{4})" +
        @"|(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4}|[0-9]{2})" +
        @"|(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})" +
        @"|(?<d>[0-9]{1,2})\.?[ ]?(?<mn>(?i:Januar|Jänner|Jan|Februar|Feb|März|Maerz|Mär|Mrz|April|Apr|Mai|Juni|Jun" +
        @"|Juli|Jul|August|Aug|September|Sept|Sep|Oktober|Okt|November|Nov|Dezember|Dez" +
        @"|Ocak|Şubat|Subat|Mart|Nisan|Mayıs|Mayis|Haziran|Temmuz|Ağustos|Agustos|Eylül|Eylul|Ekim|Kasım|Kasim|Aralık|Aralik))" +
        @"\.?[ ]?(?<y>[0-9]{4})" +
        @")(?!(?!T[0-9])[\p{L}\p{N}])(?![.,/\-:][0-9])",
        Options)]
    private static partial Regex DatePattern();

    /// <summary>
    /// A birth word at the end of the (folded) text before a date: <c>geb.</c>, <c>geb. am</c>, <c>geboren am</c>,
    /// <c>Geburtsdatum:</c>, <c>Geburtsdatum der Tochter:</c>, <c>Geb.-Datum</c>, <c>*</c>, <c>doğum tarihi</c>,
    /// <c>d.t.</c>, <c>DOB</c>, <c>date of birth</c>, <c>born on</c>.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:geb|geboren|geburtsdatum|geburtsdat|geb\.?\s?-?\s?datum|gebdat|dogum\s+tarihi|dogum\s+tarihli|dogum|d\.\s?t|dob" +
        @"|date\s+of\s+birth|born|\*)\.?(?:\s+(?:am|on|den|the))?(?:(?:\s+\p{L}+){1,3}\s*:)?\s*[:(,\-]?\s*$",
        Options)]
    private static partial Regex BirthWordBefore();

    /// <summary>A birth word right after a date, as in Turkish <c>12.03.1985 doğumlu</c> or <c>1985'te doğdu</c>.</summary>
    [GeneratedRegex(@"^\S{0,5}\s*(?:dogumlu|dogdu)(?![\p{L}])", Options)]
    private static partial Regex BirthWordAfter();
}
