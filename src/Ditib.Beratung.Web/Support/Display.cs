using System.Globalization;
using NodaTime;

namespace Ditib.Beratung.Web.Support;

/// <summary>Dates and times in the page's language; the values are already local to the centre's zone.</summary>
public static class Display
{
    public static string Date(LocalDate date) => date.ToDateTimeUnspecified().ToString("D", CultureInfo.CurrentCulture);

    public static string Time(LocalDateTime time) => time.ToDateTimeUnspecified().ToString("t", CultureInfo.CurrentCulture);

    public static string TimeRange(SlotView slot) => $"{Time(slot.Start)} – {Time(slot.End)}";

    /// <summary>For machine-readable <c>&lt;time datetime&gt;</c> attributes.</summary>
    public static string Iso(LocalDateTime time) => time.ToString("uuuu'-'MM'-'dd'T'HH':'mm", CultureInfo.InvariantCulture);

    public static string Iso(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
}
