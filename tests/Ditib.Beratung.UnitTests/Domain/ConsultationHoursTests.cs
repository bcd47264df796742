using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class ConsultationHoursTests
{
    private static readonly LocalDate Monday = new(2026, 6, 1);

    [Theory]
    [InlineData(11, 30, 14, 0)] // overlaps the end
    [InlineData(8, 0, 9, 15)] // overlaps the start
    [InlineData(10, 0, 11, 0)] // inside
    [InlineData(8, 0, 13, 0)] // around
    [InlineData(9, 0, 10, 0)] // same start
    [InlineData(11, 0, 12, 0)] // same end
    [InlineData(9, 0, 12, 0)] // identical
    public void New_WithOverlappingWindowsOnOneWeekday_ThrowsDomainRule(int fromHour, int fromMinute, int toHour, int toMinute)
    {
        var weekly = new List<WeeklyHours>
        {
            new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0)),
            new(IsoDayOfWeek.Monday, Window(fromHour, fromMinute, toHour, toMinute)),
        };

        var error = Assert.Throws<DomainRuleException>(() => new ConsultationHours(weekly, []));

        Assert.StartsWith("weekly", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithTouchingWindowsOnOneWeekday_IsAccepted()
    {
        var hours = new ConsultationHours(
            [new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0)), new(IsoDayOfWeek.Monday, Window(12, 0, 14, 0))],
            []);

        Assert.Equal(2, hours.WindowsOn(Monday).Count());
    }

    [Fact]
    public void New_WithSameWindowOnDifferentWeekdays_IsAccepted()
    {
        var hours = new ConsultationHours(
            [new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0)), new(IsoDayOfWeek.Tuesday, Window(9, 0, 12, 0))],
            []);

        Assert.Single(hours.WindowsOn(Monday));
        Assert.Single(hours.WindowsOn(Monday.PlusDays(1)));
    }

    [Fact]
    public void New_WithClosedExceptionThatHasWindows_ThrowsDomainRule()
    {
        var exception = new HoursException(Monday, true, [Window(9, 0, 12, 0)]);

        var error = Assert.Throws<DomainRuleException>(() => new ConsultationHours([], [exception]));

        Assert.Equal("exceptions", error.Field);
    }

    [Fact]
    public void New_WithOpenExceptionWithoutWindows_ThrowsDomainRule()
    {
        var exception = new HoursException(Monday, false, []);

        Assert.Throws<DomainRuleException>(() => new ConsultationHours([], [exception]));
    }

    [Fact]
    public void New_WithTwoExceptionsOnOneDate_ThrowsDomainRule()
    {
        HoursException[] exceptions =
        [
            new(Monday, true, []),
            new(Monday, false, [Window(9, 0, 12, 0)]),
        ];

        Assert.Throws<DomainRuleException>(() => new ConsultationHours([], exceptions));
    }

    [Fact]
    public void New_WithOverlappingWindowsInAnException_ThrowsDomainRule()
    {
        var exception = new HoursException(Monday, false, [Window(9, 0, 12, 0), Window(10, 0, 11, 0)]);

        Assert.Throws<DomainRuleException>(() => new ConsultationHours([], [exception]));
    }

    [Fact]
    public void WindowsOn_DateWithOtherHours_ReturnsTheExceptionsWindowsInsteadOfTheTemplate()
    {
        var afternoon = Window(14, 0, 16, 0);
        var hours = new ConsultationHours(
            [new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0))],
            [new HoursException(Monday, false, [afternoon])]);

        Assert.Equal([afternoon], hours.WindowsOn(Monday));
        Assert.Equal([Window(9, 0, 12, 0)], hours.WindowsOn(Monday.PlusWeeks(1)));
    }

    [Fact]
    public void WindowsOn_ClosedDate_ReturnsNoWindowsAlthoughTheTemplateHasSome()
    {
        var hours = new ConsultationHours(
            [new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0))],
            [new HoursException(Monday, true, [])]);

        Assert.Empty(hours.WindowsOn(Monday));
        Assert.Single(hours.WindowsOn(Monday.PlusWeeks(1)));
    }

    [Fact]
    public void WindowsOn_WeekdayWithoutTemplate_ReturnsNoWindows()
    {
        var hours = new ConsultationHours([new(IsoDayOfWeek.Monday, Window(9, 0, 12, 0))], []);

        Assert.Empty(hours.WindowsOn(Monday.PlusDays(2)));
    }

    private static HoursWindow Window(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new LocalTime(fromHour, fromMinute), new LocalTime(toHour, toMinute), 45, SlotMode.Phone, null, 1);
}
