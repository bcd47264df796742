using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// How a resident reads dates and times in each language, the same on the pages and in the messages: always the
/// Gregorian calendar, the 24-hour clock, and one long date pattern per language (English as in Britain, Arabic with
/// the month names of <c>ar</c> and the numeric date beside them). The values are local to the centre's zone already.
/// </summary>
public static class ResidentFormats
{
    public const string Fallback = "de";

    private static readonly Dictionary<string, (string Data, string LongDate)> Patterns = new()
    {
        ["de"] = ("de-DE", "dddd, d. MMMM yyyy"),
        ["tr"] = ("tr-TR", "d MMMM yyyy dddd"),
        ["ar"] = ("ar", "dddd، d MMMM yyyy (dd.MM.yyyy)"),
        ["en"] = ("en-GB", "dddd, d MMMM yyyy"),
    };

    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.Ordinal);

    /// <summary>
    /// The read-only culture named after the language (<c>de</c>, <c>tr</c>, <c>ar</c>, <c>en</c>; others get German)
    /// with these formats.
    /// </summary>
    public static CultureInfo Culture(string? language) =>
        Cultures.GetOrAdd(language is not null && Patterns.ContainsKey(language) ? language : Fallback, Create);

    public static string Date(LocalDate date, CultureInfo culture) => date.ToDateTimeUnspecified().ToString("D", culture);

    public static string Time(LocalTime time, CultureInfo culture) => time.On(new LocalDate(2000, 1, 1)).ToDateTimeUnspecified().ToString("t", culture);

    private static CultureInfo Create(string language)
    {
        var (data, longDate) = Patterns[language];
        var culture = new CultureInfo(language);
        var format = (DateTimeFormatInfo)new CultureInfo(data).DateTimeFormat.Clone();
        if (format.Calendar is not GregorianCalendar)
        {
            format.Calendar = new GregorianCalendar();
        }

        format.LongDatePattern = longDate;
        format.ShortTimePattern = "HH:mm";
        format.LongTimePattern = "HH:mm:ss";
        culture.DateTimeFormat = format;
        return CultureInfo.ReadOnly(culture);
    }
}
