using Ditib.Beratung.Application.Common;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Admin;

/// <summary>How the admin's pages write roles and instants.</summary>
public static class AdminDisplay
{
    public static string Roles(IStringLocalizer<AdminTexts> texts, IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(role => texts[$"Admin_Role_{role}"].Value));

    /// <summary>An instant of a DTO (RFC 3339) as the centre's local date and time.</summary>
    public static string Instant(string? value, DateTimeZone zone)
    {
        if (value is null || Formats.OffsetDateTime.Parse(value) is not { Success: true } parsed)
        {
            return "";
        }

        var local = parsed.Value.ToInstant().InZone(zone).LocalDateTime;
        return $"{Support.Display.Date(local.Date)}, {Support.Display.Time(local)}";
    }
}
