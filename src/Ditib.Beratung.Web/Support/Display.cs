using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// Dates and times in the page's language, written as in the e-mails (<see cref="Application.Common.ResidentFormats"/>,
/// through the page culture); the values are already local to the centre's zone.
/// </summary>
public static class Display
{
    public static string Date(LocalDate date) => date.ToDateTimeUnspecified().ToString("D", CultureInfo.CurrentCulture);

    /// <summary>"09:30", isolated left to right on right-to-left pages (see <see cref="Ltr"/>).</summary>
    public static string Time(LocalDateTime time) => Ltr(time.ToDateTimeUnspecified().ToString("t", CultureInfo.CurrentCulture));

    public static string TimeRange(SlotView slot) => $"{Time(slot.Start)} – {Time(slot.End)}";

    /// <summary>For machine-readable <c>&lt;time datetime&gt;</c> attributes.</summary>
    public static string Iso(LocalDateTime time) => time.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture);

    public static string Iso(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A number, phone, reference or version put into a sentence: on right-to-left pages isolated left to right
    /// (LRI … PDI), so that "0203 5550100" is not shown as "5550100 0203" and "2026-11" not as "11-2026". Elements of
    /// their own use <c>&lt;bdi dir="ltr"&gt;</c> instead.
    /// </summary>
    public static string Ltr(string value) =>
        CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft && value.Length > 0 ? $"\u2066{value}\u2069" : value;

    /// <summary>A name or other text of either direction put into a sentence: isolated on right-to-left pages (FSI … PDI).</summary>
    public static string Isolate(string value) =>
        CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft && value.Length > 0 ? $"\u2068{value}\u2069" : value;

    /// <summary>"30 Tage", "30 يومًا", "10 أيام": a number of days with the plural form the page's language needs.</summary>
    public static string Days(IStringLocalizer texts, int days) =>
        texts[$"Days_{PluralCategory(days, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}", days].Value;

    /// <summary>The CLDR plural categories the pages' languages use for whole numbers (Arabic has six; German, Turkish, English two).</summary>
    public static string PluralCategory(int count, string language) => language switch
    {
        "ar" => count switch
        {
            1 => "One",
            2 => "Two",
            _ when count % 100 is >= 3 and <= 10 => "Few",
            _ when count % 100 is >= 11 and <= 99 => "Many",
            _ => "Other",
        },
        _ => count == 1 ? "One" : "Other",
    };
}
