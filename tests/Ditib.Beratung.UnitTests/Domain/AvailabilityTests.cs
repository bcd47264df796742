using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class AvailabilityTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 10, 0);
    private static readonly Duration Notice = Duration.FromHours(24);
    private static readonly Instant WellAhead = Now + Duration.FromDays(3);

    [Fact]
    public void Check_CancelledSlot_IsCancelled()
    {
        Assert.Equal(
            Unavailability.Cancelled,
            Availability.Check(SlotStatus.Cancelled, true, WellAhead, 3, Now, Notice));
    }

    [Fact]
    public void Check_InactiveCounsellor_IsCounsellorInactive()
    {
        Assert.Equal(
            Unavailability.CounsellorInactive,
            Availability.Check(SlotStatus.Open, false, WellAhead, 3, Now, Notice));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-60 * 24)]
    public void Check_SlotStartingNowOrEarlier_IsInThePast(int minutesFromNow)
    {
        var start = Now + Duration.FromMinutes(minutesFromNow);

        Assert.Equal(Unavailability.InThePast, Availability.Check(SlotStatus.Open, true, start, 3, Now, Notice));
    }

    [Fact]
    public void Check_SlotStartingJustInsideNotice_IsInsideNotice()
    {
        var start = Now + Notice - Duration.Epsilon;

        Assert.Equal(Unavailability.InsideNotice, Availability.Check(SlotStatus.Open, true, start, 3, Now, Notice));
    }

    [Fact]
    public void Check_SlotStartingExactlyAtNowPlusNotice_IsBookable()
    {
        var start = Now + Notice;

        Assert.Null(Availability.Check(SlotStatus.Open, true, start, 1, Now, Notice));
        Assert.True(Availability.IsBookable(SlotStatus.Open, true, start, 1, Now, Notice));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Check_NoRemainingCapacity_IsFull(int remaining)
    {
        Assert.Equal(Unavailability.Full, Availability.Check(SlotStatus.Open, true, WellAhead, remaining, Now, Notice));
        Assert.False(Availability.IsBookable(SlotStatus.Open, true, WellAhead, remaining, Now, Notice));
    }

    [Fact]
    public void Check_OpenSlotOfActiveCounsellorAheadOfNoticeWithRoom_IsBookable()
    {
        Assert.Null(Availability.Check(SlotStatus.Open, true, WellAhead, 1, Now, Notice));
        Assert.True(Availability.IsBookable(SlotStatus.Open, true, WellAhead, 1, Now, Notice));
    }

    [Fact]
    public void Check_WithoutNotice_SlotStartingAfterNowIsBookable()
    {
        var start = Now + Duration.Epsilon;

        Assert.Null(Availability.Check(SlotStatus.Open, true, start, 1, Now, Duration.Zero));
    }
}
