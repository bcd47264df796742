using BenchmarkDotNet.Attributes;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Benchmarks.Micro;

/// <summary>A year of a busy counsellor: Monday to Saturday 08:00–20:00 in 30-minute slots, with holidays and short days.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SlotPlanningBenchmarks
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly LocalDate From = new(2026, 1, 1);
    private static readonly LocalDate To = new(2026, 12, 31);

    private ConsultationHours hours = null!;

    [GlobalSetup]
    public void Setup() => hours = BusyYear();

    [Benchmark]
    public int PlanYear() => SlotPlanner.Plan(hours, From, To, Berlin).Count;

    public static ConsultationHours BusyYear()
    {
        var weekly = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
                IsoDayOfWeek.Saturday }
            .Select(day => new WeeklyHours(day, Window(8, 20)))
            .ToList();
        var closed = new[] { new LocalDate(2026, 1, 1), new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 1),
            new LocalDate(2026, 5, 14), new LocalDate(2026, 5, 25), new LocalDate(2026, 6, 4), new LocalDate(2026, 10, 3),
            new LocalDate(2026, 12, 24), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 26), new LocalDate(2026, 12, 31) };
        var exceptions = closed.Select(date => new HoursException(date, Closed: true, []))
            .Concat(Enumerable.Range(0, 12).Select(month => new HoursException(
                new LocalDate(2026, month + 1, 15).Next(IsoDayOfWeek.Wednesday), Closed: false, [Window(8, 12), Window(14, 16)])))
            .ToList();
        return new ConsultationHours(weekly, exceptions);
    }

    private static HoursWindow Window(int fromHour, int toHour) =>
        new(new LocalTime(fromHour, 0), new LocalTime(toHour, 0), 30, SlotMode.InPerson, "Raum 2", 1);
}
