using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class BookingTests
{
    private const int InitialSequence = 3;

    private static readonly Guid SlotId = new("00000000-0000-0000-0000-00000000a001");
    private static readonly Guid OtherSlotId = new("00000000-0000-0000-0000-00000000a002");
    private static readonly Instant SlotStart = Instant.FromUtc(2026, 6, 3, 8, 0);
    private static readonly Instant SlotEnd = SlotStart + Duration.FromMinutes(45);
    private static readonly Duration Cutoff = Duration.FromHours(24);
    private static readonly Instant CutoffPoint = SlotStart - Cutoff;
    private static readonly Instant WellBefore = SlotStart - Duration.FromDays(5);

    public static TheoryData<BookingStatus> NotConfirmed =>
    [
        BookingStatus.CancelledByResident,
        BookingStatus.CancelledByCentre,
        BookingStatus.Attended,
        BookingStatus.NoShow,
    ];

    [Fact]
    public void CancelByResident_BeforeCutoff_CancelsAndRaisesSequence()
    {
        var booking = NewBooking();

        booking.CancelByResident(WellBefore, SlotStart, Cutoff, "Termin passt nicht");

        Assert.Equal(BookingStatus.CancelledByResident, booking.Status);
        Assert.False(booking.IsActive);
        Assert.Equal("Termin passt nicht", booking.StatusReason);
        Assert.Equal(WellBefore, booking.StatusChangedAt);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Fact]
    public void CancelByResident_AtTheDeskInsideTheCutoff_Cancels()
    {
        var booking = NewBooking();

        booking.CancelByResident(SlotStart - Duration.FromMinutes(5), SlotStart, ChangeWindow.AtTheDesk, "Anruf");

        Assert.Equal(BookingStatus.CancelledByResident, booking.Status);
        Assert.Equal("Anruf", booking.StatusReason);
    }

    [Fact]
    public void CancelByResident_AtTheDeskOnceBegun_IsRefusedAndChangesNothing()
    {
        var booking = NewBooking();

        Assert.Throws<DomainRuleException>(() => booking.CancelByResident(SlotStart, SlotStart, ChangeWindow.AtTheDesk, null));

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(InitialSequence, booking.Sequence);
    }

    [Fact]
    public void MoveTo_AtTheDeskInsideTheCutoff_Moves()
    {
        var booking = NewBooking();

        booking.MoveTo(OtherSlotId, SlotStart - Duration.FromMinutes(5), SlotStart, ChangeWindow.AtTheDesk);

        Assert.Equal(OtherSlotId, booking.SlotId);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Fact]
    public void MoveTo_AtTheDeskOnceBegun_IsRefused()
    {
        var booking = NewBooking();

        Assert.Throws<DomainRuleException>(() => booking.MoveTo(OtherSlotId, SlotStart + Duration.FromMinutes(1), SlotStart, ChangeWindow.AtTheDesk));

        Assert.Equal(SlotId, booking.SlotId);
    }

    [Fact]
    public void CancelByResident_ExactlyAtCutoff_Cancels()
    {
        var booking = NewBooking();

        booking.CancelByResident(CutoffPoint, SlotStart, Cutoff, null);

        Assert.Equal(BookingStatus.CancelledByResident, booking.Status);
    }

    [Fact]
    public void CancelByResident_JustAfterCutoff_IsRefusedAndChangesNothing()
    {
        var booking = NewBooking();

        Assert.Throws<DomainRuleException>(
            () => booking.CancelByResident(CutoffPoint + Duration.Epsilon, SlotStart, Cutoff, null));

        AssertUnchanged(booking, BookingStatus.Confirmed);
    }

    [Fact]
    public void CancelByResident_Twice_IsConflict()
    {
        var booking = NewBooking();
        booking.CancelByResident(WellBefore, SlotStart, Cutoff, null);

        Assert.Throws<ConflictException>(() => booking.CancelByResident(WellBefore, SlotStart, Cutoff, null));

        Assert.Equal(BookingStatus.CancelledByResident, booking.Status);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Theory]
    [MemberData(nameof(NotConfirmed))]
    public void CancelByResident_WhenNotConfirmed_IsConflict(BookingStatus status)
    {
        var booking = NewBooking(status);

        Assert.Throws<ConflictException>(() => booking.CancelByResident(WellBefore, SlotStart, Cutoff, null));

        AssertUnchanged(booking, status);
    }

    [Fact]
    public void CancelByCentre_WhenConfirmed_CancelsAndRaisesSequence()
    {
        var booking = NewBooking();

        booking.CancelByCentre(WellBefore, "Beraterin erkrankt");

        Assert.Equal(BookingStatus.CancelledByCentre, booking.Status);
        Assert.Equal("Beraterin erkrankt", booking.StatusReason);
        Assert.Equal(WellBefore, booking.StatusChangedAt);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Fact]
    public void CancelByCentre_AfterResidentCutoff_StillCancels()
    {
        var booking = NewBooking();

        booking.CancelByCentre(SlotStart - Duration.FromMinutes(10), "Raum gesperrt");

        Assert.Equal(BookingStatus.CancelledByCentre, booking.Status);
    }

    [Theory]
    [MemberData(nameof(NotConfirmed))]
    public void CancelByCentre_WhenNotConfirmed_ChangesNothing(BookingStatus status)
    {
        var booking = NewBooking(status);

        booking.CancelByCentre(WellBefore, "Beraterin erkrankt");

        AssertUnchanged(booking, status);
    }

    [Fact]
    public void MoveTo_OtherSlotBeforeCutoff_MovesAndRaisesSequence()
    {
        var booking = NewBooking();

        booking.MoveTo(OtherSlotId, WellBefore, SlotStart, Cutoff);

        Assert.Equal(OtherSlotId, booking.SlotId);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(WellBefore, booking.StatusChangedAt);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Fact]
    public void MoveTo_ExactlyAtCutoff_Moves()
    {
        var booking = NewBooking();

        booking.MoveTo(OtherSlotId, CutoffPoint, SlotStart, Cutoff);

        Assert.Equal(OtherSlotId, booking.SlotId);
    }

    [Fact]
    public void MoveTo_JustAfterCutoff_IsRefusedAndChangesNothing()
    {
        var booking = NewBooking();

        Assert.Throws<DomainRuleException>(
            () => booking.MoveTo(OtherSlotId, CutoffPoint + Duration.Epsilon, SlotStart, Cutoff));

        Assert.Equal(SlotId, booking.SlotId);
        AssertUnchanged(booking, BookingStatus.Confirmed);
    }

    [Fact]
    public void MoveTo_SameSlot_IsRefusedAndChangesNothing()
    {
        var booking = NewBooking();

        var error = Assert.Throws<DomainRuleException>(() => booking.MoveTo(SlotId, WellBefore, SlotStart, Cutoff));

        Assert.Equal("slotId", error.Field);
        AssertUnchanged(booking, BookingStatus.Confirmed);
    }

    [Theory]
    [MemberData(nameof(NotConfirmed))]
    public void MoveTo_WhenNotConfirmed_IsConflict(BookingStatus status)
    {
        var booking = NewBooking(status);

        Assert.Throws<ConflictException>(() => booking.MoveTo(OtherSlotId, WellBefore, SlotStart, Cutoff));

        Assert.Equal(SlotId, booking.SlotId);
        AssertUnchanged(booking, status);
    }

    [Fact]
    public void RecordAttendance_BeforeStart_IsRefusedAndChangesNothing()
    {
        var booking = NewBooking();

        Assert.Throws<DomainRuleException>(() => booking.RecordAttendance(true, SlotStart - Duration.Epsilon, SlotStart));

        AssertUnchanged(booking, BookingStatus.Confirmed);
    }

    [Theory]
    [InlineData(true, BookingStatus.Attended)]
    [InlineData(false, BookingStatus.NoShow)]
    public void RecordAttendance_AtStart_RecordsAndRaisesSequence(bool attended, BookingStatus expected)
    {
        var booking = NewBooking();

        booking.RecordAttendance(attended, SlotStart, SlotStart);

        Assert.Equal(expected, booking.Status);
        Assert.Equal(SlotStart, booking.StatusChangedAt);
        Assert.Equal(InitialSequence + 1, booking.Sequence);
    }

    [Fact]
    public void RecordAttendance_CorrectingAttendedToNoShow_IsAllowed()
    {
        var booking = NewBooking(BookingStatus.Attended);

        booking.RecordAttendance(false, SlotEnd, SlotStart);

        Assert.Equal(BookingStatus.NoShow, booking.Status);
    }

    [Theory]
    [InlineData(BookingStatus.CancelledByResident)]
    [InlineData(BookingStatus.CancelledByCentre)]
    public void RecordAttendance_OnCancelledBooking_IsConflict(BookingStatus status)
    {
        var booking = NewBooking(status);

        Assert.Throws<ConflictException>(() => booking.RecordAttendance(true, SlotEnd, SlotStart));

        AssertUnchanged(booking, status);
    }

    [Fact]
    public void EnsureLinkValid_BeforeSlotEnd_DoesNotThrow()
    {
        Assert.Null(Record.Exception(() => Booking.EnsureLinkValid(SlotEnd - Duration.Epsilon, SlotEnd)));
    }

    [Fact]
    public void EnsureLinkValid_AtSlotEnd_ThrowsGone()
    {
        Assert.Throws<GoneException>(() => Booking.EnsureLinkValid(SlotEnd, SlotEnd));
    }

    [Fact]
    public void EnsureLinkValid_AfterSlotEnd_ThrowsGone()
    {
        Assert.Throws<GoneException>(() => Booking.EnsureLinkValid(SlotEnd + Duration.FromDays(1), SlotEnd));
    }

    [Fact]
    public void Sequence_RisesWithEveryChange()
    {
        var booking = NewBooking();
        var third = new Guid("00000000-0000-0000-0000-00000000a003");
        var seen = new List<int> { booking.Sequence };

        booking.MoveTo(OtherSlotId, WellBefore, SlotStart, Cutoff);
        seen.Add(booking.Sequence);
        booking.MoveTo(third, WellBefore + Duration.FromHours(1), SlotStart, Cutoff);
        seen.Add(booking.Sequence);
        booking.RecordAttendance(true, SlotStart, SlotStart);
        seen.Add(booking.Sequence);
        booking.RecordAttendance(false, SlotEnd, SlotStart);
        seen.Add(booking.Sequence);

        Assert.Equal([3, 4, 5, 6, 7], seen);
    }

    [Fact]
    public void Sequence_RisesWhenCancelledAfterAMove()
    {
        var booking = NewBooking();

        booking.MoveTo(OtherSlotId, WellBefore, SlotStart, Cutoff);
        booking.CancelByResident(WellBefore + Duration.FromHours(1), SlotStart, Cutoff, null);

        Assert.Equal(InitialSequence + 2, booking.Sequence);
    }

    private static Booking NewBooking(BookingStatus status = BookingStatus.Confirmed) =>
        new(new Guid("00000000-0000-0000-0000-00000000b001"), "TEST-2345", SlotId, status, InitialSequence);

    private static void AssertUnchanged(Booking booking, BookingStatus status)
    {
        Assert.Equal(status, booking.Status);
        Assert.Equal(InitialSequence, booking.Sequence);
        Assert.Null(booking.StatusReason);
        Assert.Null(booking.StatusChangedAt);
    }
}
