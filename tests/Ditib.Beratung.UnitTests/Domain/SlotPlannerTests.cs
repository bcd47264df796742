using Ditib.Beratung.Domain.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class SlotPlannerTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly LocalDate Wednesday = new(2026, 6, 3);
    private static readonly LocalTimePattern HoursMinutes = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    [Fact]
    public void Plan_WindowNotAMultipleOfTheSlotLength_LeavesTheRemainderUnused()
    {
        // 09:00-10:40 with 30-minute slots: 09:00, 09:30, 10:00; 10:30-10:40 is too short for a slot.
        var hours = new ConsultationHours(
            [new WeeklyHours(IsoDayOfWeek.Wednesday, Window(new LocalTime(9, 0), new LocalTime(10, 40), 30))], []);

        var plan = SlotPlanner.Plan(hours, Wednesday, Wednesday, Berlin);

        Assert.Equal(
            [Instant.FromUtc(2026, 6, 3, 7, 0), Instant.FromUtc(2026, 6, 3, 7, 30), Instant.FromUtc(2026, 6, 3, 8, 0)],
            plan.Select(slot => slot.Start));
    }

    [Fact]
    public void Plan_CopiesModeLocationAndCapacityFromTheWindow()
    {
        var window = new HoursWindow(new LocalTime(14, 0), new LocalTime(15, 0), 60, SlotMode.Video, null, 7);
        var hours = new ConsultationHours([new WeeklyHours(IsoDayOfWeek.Wednesday, window)], []);

        var slot = Assert.Single(SlotPlanner.Plan(hours, Wednesday, Wednesday, Berlin));

        Assert.Equal(
            new PlannedSlot(Instant.FromUtc(2026, 6, 3, 12, 0), Instant.FromUtc(2026, 6, 3, 13, 0), SlotMode.Video, null, 7),
            slot);
    }

    [Fact]
    public void WithoutClashes_LeavesOutPlannedSlotsOverlappingExistingOnes()
    {
        var planned = Slots(("09:00", "09:45"), ("09:45", "10:30"), ("10:30", "11:15"));
        List<Interval> existing = [new(At("10:00"), At("10:15"))];

        var result = SlotPlanner.WithoutClashes(planned, existing);

        Assert.Equal([planned[0], planned[2]], result);
    }

    [Fact]
    public void WithoutClashes_SlotsThatOnlyTouch_AreNotClashes()
    {
        var planned = Slots(("09:00", "09:45"), ("10:30", "11:15"));
        List<Interval> existing = [new(At("09:45"), At("10:30"))];

        Assert.Equal(planned, SlotPlanner.WithoutClashes(planned, existing));
    }

    private static HoursWindow Window(LocalTime from, LocalTime to, int slotMinutes) =>
        new(from, to, slotMinutes, SlotMode.InPerson, "Testraum 1", 1);

    private static Instant At(string utcTime) => Wednesday.At(HoursMinutes.Parse(utcTime).Value).InUtc().ToInstant();

    private static List<PlannedSlot> Slots(params (string Start, string End)[] times) =>
        times.Select(t => new PlannedSlot(At(t.Start), At(t.End), SlotMode.InPerson, "Testraum 1", 1)).ToList();
}
