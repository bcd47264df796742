using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;
using VTimeZone = Ical.Net.CalendarComponents.VTimeZone;

namespace Ditib.Beratung.Infrastructure.Calendar;

/// <summary>
/// Renders a booking as an RFC 5545 file with Ical.Net: one VEVENT in local time plus its VTIMEZONE, with the
/// centre as ORGANIZER and the resident as ATTENDEE (RFC 5546 wants both for METHOD:REQUEST and METHOD:CANCEL).
/// </summary>
internal sealed class IcalCalendarRenderer(IOptions<CalendarOptions> options) : ICalendarRenderer
{
    internal const string ProductId = "-//DITIB Marxloh//Ditib.Beratung//DE";

    private const int MaxLineOctets = 75;
    private const string LineBreak = "\r\n";

    // A fixed early date makes Ical.Net describe the zone's current rules (RRULE-based STANDARD and DAYLIGHT)
    // with the same DTSTARTs on every call. Its default takes "January of this year", which changes the output
    // every year, and a date later than a year from now makes it throw.
    private static readonly DateTime TimeZoneRulesSince = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public string Render(CalendarEvent calendarEvent)
    {
        var zone = DateTimeZoneProviders.Tzdb[calendarEvent.ZoneId];

        var calendar = new IcalCalendar
        {
            ProductId = ProductId,
            Method = calendarEvent.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Request,
        };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, TimeZoneRulesSince, includeHistoricalData: false));

        var centre = options.Value;
        var vevent = new IcalEvent
        {
            Uid = $"{calendarEvent.Uid:D}@{centre.UidDomain}",
            DtStamp = new CalDateTime(calendarEvent.Stamp.ToDateTimeUtc(), CalDateTime.UtcTzId),
            DtStart = Local(calendarEvent.Start, zone),
            DtEnd = Local(calendarEvent.End, zone),
            Sequence = calendarEvent.Sequence,
            Summary = calendarEvent.Summary,
            Status = calendarEvent.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        vevent.Organizer = new Organizer($"mailto:{centre.OrganizerEmail}") { CommonName = centre.OrganizerName };
        if (calendarEvent.AttendeeEmail is { } attendee)
        {
            vevent.Attendees.Add(new Attendee($"mailto:{attendee}")
            {
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = calendarEvent.Cancelled ? EventParticipationStatus.Declined : EventParticipationStatus.Accepted,
                Rsvp = false,
            });
        }

        var place = new[] { calendarEvent.Room, calendarEvent.AtTheCentre ? centre.Address : null }.Where(p => !string.IsNullOrWhiteSpace(p));
        if (string.Join(", ", place) is { Length: > 0 } location)
        {
            vevent.Location = location;
        }

        calendar.Events.Add(vevent);

        var serialized = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
        return Refold(serialized);
    }

    private static CalDateTime Local(Instant instant, DateTimeZone zone) =>
        new(instant.InZone(zone).LocalDateTime.ToDateTimeUnspecified(), zone.Id);

    /// <summary>
    /// Unfolds Ical.Net's output and folds it again at 75 octets on code point boundaries. Ical.Net 5.2.4 folds by
    /// octets but may cut between the two halves of a surrogate pair (emoji), which cannot be encoded as UTF-8.
    /// </summary>
    internal static string Refold(string serialized)
    {
        var unfolded = serialized.Replace("\r\n ", string.Empty, StringComparison.Ordinal)
            .Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
        var output = new StringBuilder(serialized.Length + 64);
        foreach (var line in unfolded.Split(LineBreak))
        {
            if (line.Length > 0)
            {
                AppendFolded(output, line);
            }
        }

        return output.ToString();
    }

    private static void AppendFolded(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                output.Append(LineBreak).Append(' ');
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        output.Append(LineBreak);
    }
}
