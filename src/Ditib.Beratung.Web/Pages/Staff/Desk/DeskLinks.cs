using Ditib.Beratung.Web.Support;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>Addresses of the desk's pages: dates and slot ids only, never a name.</summary>
public static class DeskLinks
{
    public const string Today = "/staff/today";

    public const string Open = "/staff/open";

    public static string TodayOf(LocalDate date) => $"{Today}?date={Display.Iso(date)}";

    public static string Print(LocalDate date) => $"{Today}/print?date={Display.Iso(date)}";

    public static string Book(Guid slotId) => $"{Today}/book/{slotId:D}";
}
