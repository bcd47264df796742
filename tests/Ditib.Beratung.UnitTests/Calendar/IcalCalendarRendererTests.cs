using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Infrastructure.Calendar;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using IcalCalendar = Ical.Net.Calendar;

namespace Ditib.Beratung.UnitTests.Calendar;

public sealed class IcalCalendarRendererTests
{
    private const string Berlin = "Europe/Berlin";
    private static readonly Guid BookingId = Guid.Parse("0badc0de-0000-4000-8000-000000000001");
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 20, 14, 30, 5);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly CalendarOptions Centre = new()
    {
        OrganizerEmail = "beratung@centre.example.invalid",
        OrganizerName = "DITIB Beratung (Test)",
        Address = "Beispielstraße 1, 47169 Duisburg",
        UidDomain = "kalender.example.invalid",
    };

    private readonly IcalCalendarRenderer _renderer = new(Options.Create(Centre));

    [Fact]
    public void Render_WritesCalendarHeaderAndConfirmedEvent()
    {
        var ics = _renderer.Render(Event(sequence: 2));

        var calendar = Load(ics);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("-//DITIB Marxloh//Ditib.Beratung//DE", calendar.ProductId);
        Assert.Equal("REQUEST", calendar.Method);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("0badc0de-0000-4000-8000-000000000001@kalender.example.invalid", vevent.Uid);
        Assert.True(vevent.DtStamp!.IsUtc);
        Assert.Equal(Stamp.ToDateTimeUtc(), vevent.DtStamp.AsUtc);
        Assert.Equal(2, vevent.Sequence);
        Assert.Equal("CONFIRMED", vevent.Status);
        Assert.Equal("Beratungstermin Test (TEST-0001)", vevent.Summary);
        Assert.Equal("Musterstraße 1, 47000 Beispielstadt; Raum 2", vevent.Location);
        Assert.Contains("\r\nDTSTAMP:20261120T143005Z\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenCancelled_WritesMethodCancelStatusCancelledAndTheSameUid()
    {
        var booked = Load(_renderer.Render(Event(sequence: 0)));
        var cancelled = Load(_renderer.Render(Event(sequence: 1, cancelled: true)));

        Assert.Equal("CANCEL", cancelled.Method);
        var vevent = Assert.Single(cancelled.Events);
        Assert.Equal("CANCELLED", vevent.Status);
        Assert.Equal(1, vevent.Sequence);
        Assert.Equal(Assert.Single(booked.Events).Uid, vevent.Uid);
    }

    [Fact]
    public void Render_WithoutLocation_WritesNoLocationProperty()
    {
        var ics = _renderer.Render(Event(location: null));

        Assert.DoesNotContain(Lines(ics), line => line.StartsWith("LOCATION", StringComparison.Ordinal));
        Assert.Null(Assert.Single(Load(ics).Events).Location);
    }

    [Theory]
    [InlineData("2026-12-02T09:00", "2026-12-02T08:00:00Z", "2026-12-02T08:45:00Z")] // winter, UTC+1
    [InlineData("2026-07-01T09:00", "2026-07-01T07:00:00Z", "2026-07-01T07:45:00Z")] // summer, UTC+2
    [InlineData("2026-03-30T09:00", "2026-03-30T07:00:00Z", "2026-03-30T07:45:00Z")] // day after the switch to summer time
    [InlineData("2026-10-26T09:00", "2026-10-26T08:00:00Z", "2026-10-26T08:45:00Z")] // day after the switch back
    public void Render_WritesLocalTimesWithTzidThatResolveToTheGivenInstants(string local, string startUtc, string endUtc)
    {
        var start = InstantPattern.ExtendedIso.Parse(startUtc).Value;
        var end = InstantPattern.ExtendedIso.Parse(endUtc).Value;

        var ics = _renderer.Render(Event(start: start, end: end));

        var localStart = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(local).Value;
        Assert.Contains($"\r\nDTSTART;TZID=Europe/Berlin:{localStart:uuuuMMdd'T'HHmmss}\r\n", ics, StringComparison.Ordinal);
        var vevent = Assert.Single(Load(ics).Events);
        Assert.Equal(Berlin, vevent.DtStart!.TzId);
        Assert.Equal(Berlin, vevent.DtEnd!.TzId);
        Assert.Equal(start.ToDateTimeUtc(), vevent.DtStart.AsUtc);
        Assert.Equal(end.ToDateTimeUtc(), vevent.DtEnd.AsUtc);
    }

    /// <summary>Ical.Net resolves TZID from its own database, so check separately that the VTIMEZONE alone
    /// (what a client without that zone uses) puts the event at the same instant.</summary>
    [Theory]
    [InlineData("2026-12-02T08:00:00Z")]
    [InlineData("2026-07-01T07:00:00Z")]
    [InlineData("2026-03-30T07:00:00Z")]
    [InlineData("2026-10-26T08:00:00Z")]
    public void Render_WritesVTimeZoneWhoseRulesGiveTheSameInstant(string startUtc)
    {
        var start = InstantPattern.ExtendedIso.Parse(startUtc).Value;

        var calendar = Load(_renderer.Render(Event(start: start, end: start + Duration.FromMinutes(45))));

        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal(Berlin, timeZone.TzId);
        var localStart = Assert.Single(calendar.Events).DtStart!.Value;
        var rule = timeZone.TimeZoneInfos
            .Select(info => (info, onset: info.GetOccurrences(info.DtStart!, null)
                .Select(occurrence => occurrence.Period.StartTime.Value)
                .TakeWhile(onset => onset <= localStart)
                .LastOrDefault()))
            .MaxBy(candidate => candidate.onset)
            .info;
        Assert.Equal(start.ToDateTimeUtc(), DateTime.SpecifyKind(localStart - rule.OffsetTo!.Offset, DateTimeKind.Utc));
    }

    [Fact]
    public void Render_EndsEveryLineWithCrlf()
    {
        var ics = _renderer.Render(Event(summary: LongSummary));

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(ics.Count(c => c == '\n'), ics.Split("\r\n").Length - 1);
        Assert.Equal(ics.Count(c => c == '\r'), ics.Split("\r\n").Length - 1);
    }

    [Fact]
    public void Render_FoldsALongMultilingualSummaryAt75OctetsAndItUnfoldsToTheSameText()
    {
        Assert.True(LongSummary.Length >= 200);

        var ics = _renderer.Render(Event(summary: LongSummary));

        var lines = Lines(ics);
        Assert.All(lines, line => Assert.InRange(StrictUtf8.GetByteCount(line), 1, 75));
        var summaryLine = lines.FindIndex(line => line.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.StartsWith(" ", lines[summaryLine + 1], StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:" + LongSummary + "\r\n", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(LongSummary, Assert.Single(Load(ics).Events).Summary);
    }

    [Fact]
    public void Render_NeverSplitsACharacterAcrossFoldedLines()
    {
        // Ical.Net 5.2.4 itself cuts surrogate pairs apart when it folds; the renderer must not.
        var location = "Gebetsraum 🕌 " + string.Concat(Enumerable.Repeat("a🙂", 40));

        var ics = _renderer.Render(Event(location: location));

        var lines = Lines(ics);
        Assert.All(lines, line => Assert.InRange(StrictUtf8.GetByteCount(line), 1, 75));
        Assert.Equal(location, Assert.Single(Load(ics).Events).Location);
    }

    /// <summary>RFC 5546 3.2.2 (REQUEST) and 3.2.5 (CANCEL): the properties a VEVENT must carry for calendars to act on it.</summary>
    [Theory]
    [InlineData(false, "REQUEST", new[] { "ATTENDEE", "DTSTAMP", "DTSTART", "ORGANIZER", "SUMMARY", "UID" })]
    [InlineData(true, "CANCEL", new[] { "ATTENDEE", "DTSTAMP", "ORGANIZER", "SEQUENCE", "UID" })]
    public void Render_CarriesEveryPropertyRfc5546Requires_WithTheCentreAsOrganizerAndTheResidentAsAttendee(bool cancelled, string method,
        string[] required)
    {
        var calendar = Load(_renderer.Render(Event(sequence: 1, cancelled: cancelled, attendee: "erfunden@example.invalid")));

        Assert.Equal(method, calendar.Method);
        var vevent = Assert.Single(calendar.Events);
        Assert.All(required, name => Assert.True(vevent.Properties.ContainsKey(name), $"{method} without {name}"));
        Assert.Equal("mailto:beratung@centre.example.invalid", vevent.Organizer!.Value!.ToString());
        Assert.Equal("DITIB Beratung (Test)", vevent.Organizer.CommonName);
        var attendee = Assert.Single(vevent.Attendees);
        Assert.Equal("mailto:erfunden@example.invalid", attendee.Value!.ToString());
        Assert.Equal(cancelled ? "DECLINED" : "ACCEPTED", attendee.ParticipationStatus);
    }

    [Fact]
    public void Render_WithoutTheResidentsEMail_NamesNoAttendee_ButStillTheOrganizer()
    {
        var vevent = Assert.Single(Load(_renderer.Render(Event(attendee: null))).Events);

        Assert.Empty(vevent.Attendees);
        Assert.NotNull(vevent.Organizer);
    }

    [Fact]
    public void Render_AtTheCentre_GivesTheRoomAndTheStreetAddress_ElseOnlyTheRoom()
    {
        var atTheCentre = Assert.Single(Load(_renderer.Render(Event(location: "Raum 2", atTheCentre: true))).Events);
        var byPhone = Assert.Single(Load(_renderer.Render(Event(location: null, atTheCentre: false))).Events);

        Assert.Equal("Raum 2, Beispielstraße 1, 47169 Duisburg", atTheCentre.Location);
        Assert.Null(byPhone.Location);
    }

    [Fact]
    public void Render_SameInputTwice_GivesTheSameText()
    {
        Assert.Equal(_renderer.Render(Event()), _renderer.Render(Event()));
    }

    private static readonly string LongSummary = string.Concat(Enumerable.Repeat("Danışma randevusu موعد استشارة Beratungstermin Übung ", 5))
        + "(TEST-0001)";

    private static CalendarEvent Event(
        int sequence = 0,
        bool cancelled = false,
        Instant? start = null,
        Instant? end = null,
        string summary = "Beratungstermin Test (TEST-0001)",
        string? location = "Musterstraße 1, 47000 Beispielstadt; Raum 2",
        bool atTheCentre = false,
        string? attendee = null)
    {
        var from = start ?? Instant.FromUtc(2026, 12, 2, 8, 0);
        return new CalendarEvent(BookingId, sequence, cancelled, from, end ?? from + Duration.FromMinutes(45), Berlin, summary, location,
            atTheCentre, attendee, Stamp);
    }

    private static IcalCalendar Load(string ics) => IcalCalendar.Load(ics) ?? throw new InvalidOperationException("No calendar parsed.");

    private static List<string> Lines(string ics) => [.. ics.Split("\r\n").SkipLast(1)];
}
