using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Web.Support;

/// <summary>Instants as the application writes them (local time with offset), shown in the page's language.</summary>
public static class CaseDisplay
{
    public static string When(string offsetDateTime)
    {
        var local = Formats.OffsetDateTime.Parse(offsetDateTime).Value.LocalDateTime;
        return $"{Display.Date(local.Date)}, {Display.Time(local)}";
    }
}
