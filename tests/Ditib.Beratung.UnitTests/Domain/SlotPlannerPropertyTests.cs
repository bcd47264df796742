using CsCheck;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

/// <summary>
/// Random valid consultation hours planned over random date ranges in 2026-2027, most of them around a
/// daylight-saving change in Europe/Berlin.
/// </summary>
public sealed class SlotPlannerPropertyTests
{
    private const int Iterations = 200;

    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Spring-forward and fall-back Sundays in 2026 and 2027.</summary>
    private static readonly LocalDate[] ChangeDays =
        [new(2026, 3, 29), new(2026, 10, 25), new(2027, 3, 28), new(2027, 10, 31)];

    /// <summary>A minute of the day on a 5-minute boundary, 00:00-23:55, half of them between 00:45 and 04:15.</summary>
    private static readonly Gen<int> MinuteOnGrid =
        Gen.Frequency<int>((1, Gen.Int[0, 287]), (1, Gen.Int[9, 51])).Select(step => step * 5);

    /// <summary>5 to 240 minutes, often short enough to fit into the night windows around a change.</summary>
    private static readonly Gen<int> SlotMinutes = Gen.Frequency<int>((1, Gen.Int[5, 240]), (1, Gen.Int[5, 60]));

    /// <summary>Zero to four windows that never overlap (they may touch), each with its own slot length.</summary>
    private static readonly Gen<List<HoursWindow>> DayWindows =
        from minutes in MinuteOnGrid.Array[0, 8]
        from slotMinutes in SlotMinutes.Array[4]
        from capacities in Gen.Int[1, HoursWindow.MaxCapacity].Array[4]
        from modes in Gen.Enum<SlotMode>().Array[4]
        select ToWindows(minutes, slotMinutes, capacities, modes);

    private static readonly Gen<List<WeeklyHours>> Weekly =
        Gen.Frequency<List<HoursWindow>>((1, Gen.Const(() => new List<HoursWindow>())), (3, DayWindows))
            .Array[7]
            .Select(days => days
                .SelectMany((windows, i) => windows.Select(w => new WeeklyHours((IsoDayOfWeek)(i + 1), w)))
                .ToList());

    /// <summary>Up to ten days either side of one change, or up to four weeks anywhere in 2026-2027.</summary>
    private static readonly Gen<(LocalDate From, LocalDate To)> ShortRange = Gen.Frequency<(LocalDate, LocalDate)>(
        (3, from change in Gen.Int[0, ChangeDays.Length - 1]
            from before in Gen.Int[0, 10]
            from after in Gen.Int[0, 10]
            select (ChangeDays[change].PlusDays(-before), ChangeDays[change].PlusDays(after))),
        (1, from start in Gen.Int[0, 702]
            from length in Gen.Int[0, 27]
            select (new LocalDate(2026, 1, 1).PlusDays(start), new LocalDate(2026, 1, 1).PlusDays(start + length))));

    /// <summary>Short ranges, and now and then one from before the spring change to after the autumn change.</summary>
    private static readonly Gen<(LocalDate From, LocalDate To)> Range = Gen.Frequency<(LocalDate, LocalDate)>(
        (8, ShortRange),
        (1, from year in Gen.Int[0, 1]
            from before in Gen.Int[0, 7]
            from after in Gen.Int[0, 7]
            select (ChangeDays[2 * year].PlusDays(-before), ChangeDays[(2 * year) + 1].PlusDays(after))));

    private static readonly Gen<PlanInput> Input = InputOver(Range);

    /// <summary>For the quadratic clash check: only short ranges, so the file stays fast.</summary>
    private static readonly Gen<PlanInput> ShortInput = InputOver(ShortRange);

    [Fact]
    public void Plan_ForRandomHoursAcrossDstChanges_NoTwoSlotsOverlap()
    {
        Input.Sample(input =>
        {
            var ordered = Plan(input).OrderBy(slot => slot.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].End <= ordered[i].Start, $"{ordered[i - 1]} overlaps {ordered[i]}");
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Plan_ForRandomHoursAcrossDstChanges_EverySlotLastsItsWindowsSlotLength()
    {
        Input.Sample(input =>
        {
            foreach (var slot in Plan(input))
            {
                var window = ApplicableWindow(input, slot);
                Assert.Equal(Duration.FromMinutes(window.SlotMinutes), slot.End - slot.Start);
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Plan_ForRandomHoursAcrossDstChanges_EverySlotLiesInAWindowOfItsLocalDate()
    {
        Input.Sample(input =>
        {
            foreach (var slot in Plan(input))
            {
                var localStart = slot.Start.InZone(Berlin).LocalDateTime;
                var localEnd = slot.End.InZone(Berlin).LocalDateTime;

                // The planner's rule: a local time that exists twice is taken at its first occurrence.
                Assert.Equal(slot.Start, Berlin.AtLeniently(localStart).ToInstant());
                Assert.Equal(slot.End, Berlin.AtLeniently(localEnd).ToInstant());
                Assert.InRange(localStart.Date, input.From, input.To);

                var window = ApplicableWindow(input, slot);
                Assert.Equal(localStart.PlusMinutes(window.SlotMinutes), localEnd);
                Assert.Equal(0, MinutesBetween(window.From, localStart.TimeOfDay) % window.SlotMinutes);
                Assert.Equal((window.Mode, window.Location, window.Capacity), (slot.Mode, slot.Location, slot.Capacity));
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Plan_ForRandomHoursAcrossDstChanges_NoSlotOnAClosedDate()
    {
        Input.Sample(input =>
        {
            var closed = input.Hours.Exceptions.Where(e => e.Closed).Select(e => e.Date).ToHashSet();
            Assert.DoesNotContain(Plan(input), slot =>
                closed.Contains(slot.Start.InZone(Berlin).Date) || closed.Contains(slot.End.InZone(Berlin).Date));
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Plan_ForRandomHoursOnDaysWithoutAChange_PlansEverySlotOfTheDaysWindows()
    {
        Input.Sample(input =>
        {
            var startsByDate = Plan(input)
                .Select(slot => slot.Start.InZone(Berlin).LocalDateTime)
                .ToLookup(local => local.Date, local => local.TimeOfDay);
            for (var date = input.From; date <= input.To; date = date.PlusDays(1))
            {
                var dayStart = date.AtStartOfDayInZone(Berlin).ToInstant();
                var dayEnd = date.PlusDays(1).AtStartOfDayInZone(Berlin).ToInstant();
                if (Berlin.GetZoneIntervals(dayStart, dayEnd).Count() != 1)
                {
                    continue;
                }

                var expected = input.Hours.WindowsOn(date).SelectMany(ExpectedStarts).Order();
                Assert.Equal(expected, startsByDate[date].Order());
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Plan_ForRandomHoursAcrossDstChanges_IsRepeatableAndRepublishingCreatesNothing()
    {
        ShortInput.Sample(input =>
        {
            var plan = Plan(input);

            Assert.Equal(plan, Plan(input));
            Assert.Empty(SlotPlanner.WithoutClashes(plan, plan.Select(slot => slot.Interval).ToList()));
            Assert.Equal(plan, SlotPlanner.WithoutClashes(plan, []));
        }, iter: Iterations, print: Describe);
    }

    private static IReadOnlyList<PlannedSlot> Plan(PlanInput input) =>
        SlotPlanner.Plan(input.Hours, input.From, input.To, Berlin);

    /// <summary>The one window on the slot's local start date that holds its local start and end.</summary>
    private static HoursWindow ApplicableWindow(PlanInput input, PlannedSlot slot)
    {
        var localStart = slot.Start.InZone(Berlin).LocalDateTime;
        var localEnd = slot.End.InZone(Berlin).LocalDateTime;
        Assert.Equal(localStart.Date, localEnd.Date);
        return Assert.Single(
            input.Hours.WindowsOn(localStart.Date),
            w => w.From <= localStart.TimeOfDay && localEnd.TimeOfDay <= w.To);
    }

    /// <summary>Independent of <see cref="HoursWindow.SlotStarts"/>: every whole slot from the window's start.</summary>
    private static IEnumerable<LocalTime> ExpectedStarts(HoursWindow window)
    {
        var length = MinutesBetween(window.From, window.To);
        for (var offset = 0; offset + window.SlotMinutes <= length; offset += window.SlotMinutes)
        {
            yield return window.From.PlusMinutes(offset);
        }
    }

    private static int MinutesBetween(LocalTime from, LocalTime to) =>
        (int)Period.Between(from, to, PeriodUnits.Minutes).Minutes;

    private static Gen<PlanInput> InputOver(Gen<(LocalDate From, LocalDate To)> range) =>
        from r in range
        from weekly in Weekly
        from exceptions in Exceptions(r.From, r.To)
        select new PlanInput(new ConsultationHours(weekly, exceptions), r.From, r.To);

    private static Gen<List<HoursException>> Exceptions(LocalDate from, LocalDate to)
    {
        var days = Period.Between(from, to, PeriodUnits.Days).Days;
        var date = Gen.Frequency<LocalDate>(
            (4, Gen.Int[-1, days + 1].Select(d => from.PlusDays(d))),
            (2, Gen.Int[0, ChangeDays.Length - 1].Select(i => ChangeDays[i])));
        var exception = Gen.Frequency<HoursException>(
            (1, date.Select(d => new HoursException(d, true, []))),
            (2, from d in date
                from windows in DayWindows.Where(w => w.Count > 0)
                select new HoursException(d, false, windows)));
        return exception.Array[0, 6].Select(list => list.DistinctBy(e => e.Date).ToList());
    }

    private static List<HoursWindow> ToWindows(int[] minutes, int[] slotMinutes, int[] capacities, SlotMode[] modes)
    {
        var sorted = minutes.Order().ToArray();
        var windows = new List<HoursWindow>();
        for (var i = 0; i + 1 < sorted.Length; i += 2)
        {
            if (sorted[i] == sorted[i + 1])
            {
                continue;
            }

            var k = windows.Count;
            windows.Add(new HoursWindow(
                LocalTime.Midnight.PlusMinutes(sorted[i]),
                LocalTime.Midnight.PlusMinutes(sorted[i + 1]),
                slotMinutes[k],
                modes[k],
                modes[k] == SlotMode.InPerson ? $"Testraum {k + 1}" : null,
                capacities[k]));
        }

        return windows;
    }

    private static string Describe(PlanInput input)
    {
        static string Windows(IEnumerable<HoursWindow> windows) =>
            string.Join(", ", windows.Select(w => $"{w.From:HH:mm}-{w.To:HH:mm}/{w.SlotMinutes}m"));

        var weekly = input.Hours.Weekly
            .GroupBy(w => w.Weekday)
            .Select(day => $"{day.Key}: {Windows(day.Select(w => w.Window))}");
        var exceptions = input.Hours.Exceptions
            .Select(e => $"{e.Date:yyyy-MM-dd}: {(e.Closed ? "closed" : Windows(e.Windows))}");
        return $"{input.From:yyyy-MM-dd}..{input.To:yyyy-MM-dd}; weekly [{string.Join("; ", weekly)}]; " +
            $"exceptions [{string.Join("; ", exceptions)}]";
    }

    private sealed record PlanInput(ConsultationHours Hours, LocalDate From, LocalDate To);
}
