using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Application.Common;

/// <summary>The wire formats of dates and times: ISO dates, 24-hour local times, offset date-times.</summary>
public static class Formats
{
    public static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    public static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    public static readonly LocalDateTimePattern LocalDateTime =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    public static readonly OffsetDateTimePattern OffsetDateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    public static bool IsDate(string? text) => text is not null && Date.Parse(text).Success;

    public static bool IsTime(string? text) => text is not null && Time.Parse(text).Success;

    public static bool IsLocalDateTime(string? text) => text is not null && LocalDateTime.Parse(text).Success;

    public static LocalDate ParseDate(string text) => Date.Parse(text).Value;

    public static LocalTime ParseTime(string text) => Time.Parse(text).Value;

    public static string Local(Instant instant, DateTimeZone zone) => OffsetDateTime.Format(instant.InZone(zone).ToOffsetDateTime());

    public static bool TryParseWeekday(string? text, out IsoDayOfWeek weekday)
    {
        weekday = IsoDayOfWeek.None;
        if (text is null || !Enum.TryParse(text, ignoreCase: true, out IsoDayOfWeek parsed) || parsed == IsoDayOfWeek.None
            || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        weekday = parsed;
        return true;
    }
}
