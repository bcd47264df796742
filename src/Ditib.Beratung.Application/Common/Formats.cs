using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// The wire formats of dates and times: ISO dates, 24-hour local times, offset date-times. Parsing is strict
/// (exact shape, nothing before or after) and dates outside 2000–2100 are refused, so no date arithmetic can
/// overflow at the edges of the calendar.
/// </summary>
public static partial class Formats
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    public static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    public static readonly LocalDateTimePattern LocalDateTime =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    public static readonly OffsetDateTimePattern OffsetDateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    /// <summary>RFC 3339: <c>2026-12-01T10:00:00+01:00</c>, <c>2026-12-01T09:00:00Z</c>, optionally with fractions of a second.</summary>
    public static readonly OffsetDateTimePattern Rfc3339 = OffsetDateTimePattern.Rfc3339;

    /// <summary>How a date-time on the wire may be written, for messages.</summary>
    public const string DateTimeForms = "yyyy-MM-ddTHH:mm (the centre's local time) or RFC 3339 with an offset (2026-12-01T10:00:00+01:00)";

    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = IsoDayOfWeek.Monday,
        ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thursday"] = IsoDayOfWeek.Thursday,
        ["friday"] = IsoDayOfWeek.Friday,
        ["saturday"] = IsoDayOfWeek.Saturday,
        ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public static bool IsDate(string? text) =>
        text is not null && DateShape().IsMatch(text) && Date.Parse(text) is { Success: true } result && InRange(result.Value);

    /// <summary>A date of birth: the same strict shape, from 1900 on.</summary>
    public static bool IsBirthDate(string? text) =>
        text is not null && DateShape().IsMatch(text) && Date.Parse(text) is { Success: true } result && result.Value.Year is >= 1900 and <= LastYear;

    public static bool IsTime(string? text) => text is not null && TimeShape().IsMatch(text);

    public static bool IsLocalDateTime(string? text) =>
        text is { Length: 16 } && IsDate(text[..10]) && text[10] == 'T' && IsTime(text[11..]);

    /// <summary>A local <c>yyyy-MM-ddTHH:mm</c> or an RFC 3339 date-time with offset, between 2000 and 2100.</summary>
    public static bool IsDateTime(string? text) =>
        IsLocalDateTime(text) || (text is not null && Rfc3339.Parse(text) is { Success: true } result && InRange(result.Value.Date));

    /// <summary>The instant a date-time names: a local one in <paramref name="zone"/> (the earlier of two in the autumn overlap).</summary>
    public static Instant ParseInstant(string text, DateTimeZone zone) => IsLocalDateTime(text)
        ? ParseLocalDateTime(text).InZoneLeniently(zone).ToInstant()
        : Rfc3339.Parse(text).Value.ToInstant();

    /// <summary>The local time in <paramref name="zone"/> a date-time names (an offset one is moved into the zone).</summary>
    public static LocalDateTime ParseLocalDateTime(string text, DateTimeZone zone) => IsLocalDateTime(text)
        ? ParseLocalDateTime(text)
        : Rfc3339.Parse(text).Value.ToInstant().InZone(zone).LocalDateTime;

    public static LocalDate ParseDate(string text) => Date.Parse(text).Value;

    public static LocalTime ParseTime(string text) => Time.Parse(text).Value;

    public static LocalDateTime ParseLocalDateTime(string text) => LocalDateTime.Parse(text).Value;

    public static string Local(Instant instant, DateTimeZone zone) => OffsetDateTime.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>Exactly one English weekday name ("monday"), any capitalisation.</summary>
    public static bool TryParseWeekday(string? text, out IsoDayOfWeek weekday) =>
        Weekdays.TryGetValue(text ?? "", out weekday);

    private static bool InRange(LocalDate date) => date.Year is >= FirstYear and <= LastYear;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeShape();
}
