using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Bookings;
using Moq;
using NodaTime;
using NodaTime.Testing;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class BookingMessagesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private readonly Mock<IOutbox> outbox = new();
    private readonly Mock<IEnvelopeCipher> cipher = new();
    private readonly List<OutboxMessage> queued = [];
    private readonly BookingMessages messages;

    public BookingMessagesTests()
    {
        outbox.Setup(o => o.EnqueueAsync(It.IsAny<IReadOnlyList<OutboxMessage>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<OutboxMessage>, CancellationToken>((m, _) => queued.AddRange(m))
            .Returns(Task.CompletedTask);
        cipher.Setup(c => c.EncryptAsync(It.IsAny<Guid>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([1, 2, 3]);
        outbox.Setup(o => o.ChannelsOfAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([MessageChannels.Email, MessageChannels.Sms]);
        messages = new BookingMessages(outbox.Object, cipher.Object, new MessageSettings(Duration.FromHours(24), SmsEnabled: true), new FakeClock(Now));
    }

    [Fact]
    public async Task Booked_InGoodTime_QueuesConfirmationAndReminderOnEveryChannel_AndSealsTheToken()
    {
        var booking = new Booking(Guid.CreateVersion7(), "K7QM-3XPA", Guid.CreateVersion7(), BookingStatus.Confirmed, 0);
        var dataKey = Guid.CreateVersion7();

        var sealedToken = await messages.SealManageTokenAsync(booking.Id, dataKey, "geheimes-token", hasEmail: true, hasPhone: true,
            CancellationToken.None);
        await messages.BookedAsync(booking, Now + Duration.FromDays(3), hasEmail: true, hasPhone: true, CancellationToken.None);

        Assert.Equal(["confirmation/email", "confirmation/sms", "reminder/email", "reminder/sms"], queued.Select(m => $"{m.Kind}/{m.Channel}"));
        Assert.All(queued.Where(m => m.Kind == MessageKinds.Reminder), m => Assert.Equal(Now + Duration.FromDays(2), m.NotBefore));
        Assert.All(queued, m => Assert.Equal((booking.Id, booking.SlotId, 0), (m.BookingId, m.SlotId, m.Sequence)));
        cipher.Verify(c => c.EncryptAsync(dataKey, It.IsAny<ReadOnlyMemory<byte>>(), $"booking:{booking.Id}:manage-token", It.IsAny<CancellationToken>()));
        Assert.Equal([1, 2, 3], sealedToken);
    }

    [Theory]
    [InlineData(true, true, false, "confirmation/email reminder/email")]
    [InlineData(false, true, true, "confirmation/sms reminder/sms")]
    [InlineData(false, true, false, "")]
    [InlineData(false, false, true, "")]
    public async Task Booked_QueuesOnlyTheChannelsTheResidentCanBeReachedOn(bool hasEmail, bool hasPhone, bool smsEnabled, string expected)
    {
        var booking = new Booking(Guid.CreateVersion7(), "K7QM-3XPA", Guid.CreateVersion7(), BookingStatus.Confirmed, 0);
        var withSettings = new BookingMessages(outbox.Object, cipher.Object, new MessageSettings(Duration.FromHours(24), smsEnabled), new FakeClock(Now));

        var sealedToken = await withSettings.SealManageTokenAsync(booking.Id, Guid.CreateVersion7(), "t", hasEmail, hasPhone, CancellationToken.None);
        await withSettings.BookedAsync(booking, Now + Duration.FromDays(3), hasEmail, hasPhone, CancellationToken.None);

        Assert.Equal(expected, string.Join(' ', queued.Select(m => $"{m.Kind}/{m.Channel}")));
        Assert.Equal(expected.Length != 0, sealedToken is not null);
    }

    [Theory]
    [InlineData(24 * 60)]
    [InlineData(23 * 60)]
    [InlineData(150)]
    public async Task Booked_InsideTheReminderWindow_QueuesNoReminder(int minutesAhead)
    {
        var booking = new Booking(Guid.CreateVersion7(), "K7QM-3XPA", Guid.CreateVersion7(), BookingStatus.Confirmed, 0);

        await messages.BookedAsync(booking, Now + Duration.FromMinutes(minutesAhead), hasEmail: true, hasPhone: true, CancellationToken.None);

        Assert.DoesNotContain(queued, m => m.Kind == MessageKinds.Reminder);
        Assert.Equal(2, queued.Count);
    }

    [Fact]
    public async Task Cancelled_CancelsPendingReminders_AndQueuesTheCancellation()
    {
        var booking = new Booking(Guid.CreateVersion7(), "K7QM-3XPA", Guid.CreateVersion7(), BookingStatus.Confirmed, 0);
        booking.CancelByCentre(Now, "Test");

        await messages.CancelledAsync(booking, CancellationToken.None);

        outbox.Verify(o => o.CancelPendingRemindersAsync(booking.Id, Now, It.IsAny<CancellationToken>()));
        Assert.All(queued, m => Assert.Equal((MessageKinds.Cancellation, 1), (m.Kind, m.Sequence)));
        Assert.Equal(2, queued.Count);
    }

    [Fact]
    public async Task Rescheduled_ReplacesTheReminder_WithOneForTheNewTime()
    {
        var booking = new Booking(Guid.CreateVersion7(), "K7QM-3XPA", Guid.CreateVersion7(), BookingStatus.Confirmed, 0);
        booking.MoveTo(Guid.CreateVersion7(), Now, Now + Duration.FromDays(3), Duration.FromHours(1));

        await messages.RescheduledAsync(booking, Now + Duration.FromDays(5), CancellationToken.None);

        outbox.Verify(o => o.CancelPendingRemindersAsync(booking.Id, Now, It.IsAny<CancellationToken>()));
        Assert.Equal(["reschedule/email", "reschedule/sms", "reminder/email", "reminder/sms"], queued.Select(m => $"{m.Kind}/{m.Channel}"));
        Assert.All(queued, m => Assert.Equal((booking.SlotId, 1), (m.SlotId, m.Sequence)));
        Assert.All(queued.Where(m => m.Kind == MessageKinds.Reminder), m => Assert.Equal(Now + Duration.FromDays(4), m.NotBefore));
    }
}
