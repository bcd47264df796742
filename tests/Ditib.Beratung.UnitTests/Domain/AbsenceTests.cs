using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class AbsenceTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly Guid Counsellor = Guid.NewGuid();

    // Monday 7 December 2026, 10:00 in Berlin.
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 9, 0);
    private static readonly LocalDate Today = new(2026, 12, 7);

    [Fact]
    public void SlotsToCancel_TakesOpenSlotsOnItsDaysThatHaveNotBegun()
    {
        var begun = SlotAt(2026, 12, 7, 9, 0);
        var later = SlotAt(2026, 12, 7, 14, 0);
        var lastDayLate = SlotAt(2026, 12, 9, 23, 15);
        var dayAfter = SlotAt(2026, 12, 10, 0, 0);
        var dayBefore = SlotAt(2026, 12, 6, 23, 45);
        var alreadyCancelled = SlotAt(2026, 12, 8, 9, 0);
        alreadyCancelled.Cancel("früher abgesagt");

        var absence = new Absence(Today.PlusDays(-1), new LocalDate(2026, 12, 9), "Erkrankt", Today);
        var result = absence.SlotsToCancel([dayAfter, later, begun, alreadyCancelled, lastDayLate, dayBefore], Berlin, Now);

        Assert.Equal([later, lastDayLate], result);
    }

    [Fact]
    public void CancelSlots_CancelsWithTheReason_AndASecondRunCancelsNothing()
    {
        var slots = new[] { SlotAt(2026, 12, 8, 9, 0), SlotAt(2026, 12, 8, 9, 45) };
        var absence = new Absence(new LocalDate(2026, 12, 8), new LocalDate(2026, 12, 8), "  Urlaub  ", Today);

        var first = absence.CancelSlots(slots, Berlin, Now);
        var second = absence.CancelSlots(slots, Berlin, Now);

        Assert.Equal(2, first.Count);
        Assert.All(slots, s => Assert.Equal((SlotStatus.Cancelled, "Urlaub"), (s.Status, s.CancelReason)));
        Assert.Empty(second);
    }

    [Fact]
    public void Days_FollowLocalMidnight_AcrossTheSpringChange()
    {
        // 29 March 2026 has 23 hours in Berlin; the absence covers it from local midnight to local midnight.
        var absence = new Absence(new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 29), "Urlaub", new LocalDate(2026, 3, 1));

        var days = absence.Days(Berlin);

        Assert.Equal((Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 29, 22, 0)), (days.Start, days.End));
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-09", "to")]
    [InlineData("2026-12-08", "2027-03-10", "to")]
    [InlineData("2026-12-01", "2026-12-06", "to")]
    [InlineData("2026-12-08", "2026-12-09", "reason")]
    public void Constructor_RefusesBadRanges_AndAMissingReason(string from, string to, string field)
    {
        var reason = field == "reason" ? " " : "Erkrankt";

        var error = Assert.Throws<DomainRuleException>(() =>
            new Absence(LocalDatePattern.Iso.Parse(from).Value, LocalDatePattern.Iso.Parse(to).Value, reason, Today));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Constructor_AcceptsTheLongestRange_AndOneStartingInThePast()
    {
        var absence = new Absence(Today.PlusDays(-3), Today.PlusDays(-3 + Absence.MaxDays - 1), "Elternzeit", Today);

        Assert.Equal(Absence.MaxDays, Period.DaysBetween(absence.From, absence.To) + 1);
    }

    private static Slot SlotAt(int year, int month, int day, int hour, int minute)
    {
        var start = new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(Berlin).ToInstant();
        return new Slot(Guid.NewGuid(), Counsellor, start, start + Duration.FromMinutes(45), SlotMode.InPerson, "Raum 2", 1, SlotStatus.Open);
    }
}
