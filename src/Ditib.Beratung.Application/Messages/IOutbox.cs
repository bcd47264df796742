using NodaTime;

namespace Ditib.Beratung.Application.Messages;

/// <summary>What a message tells the resident about.</summary>
public static class MessageKinds
{
    public const string Confirmation = "confirmation";
    public const string Reschedule = "reschedule";
    public const string Cancellation = "cancellation";
    public const string Reminder = "reminder";
}

public static class MessageChannels
{
    public const string Email = "email";
    public const string Sms = "sms";

    public static readonly IReadOnlyList<string> All = [Email, Sms];

    /// <summary>The channels a resident can be reached on: e-mail when given, SMS when a phone is given and a provider is set up.</summary>
    public static IReadOnlyList<string> For(bool hasEmail, bool hasPhone, bool smsEnabled) =>
        [.. hasEmail ? [Email] : Array.Empty<string>(), .. hasPhone && smsEnabled ? [Sms] : Array.Empty<string>()];
}

/// <summary>
/// The life of an outbox message: <c>pending</c> until sent (<c>sent</c>), given up after the last attempt
/// (<c>failed</c>), not sendable on its channel (<c>skipped</c>: no address, no SMS provider), or no longer wanted
/// (<c>cancelled</c>: a reminder whose booking moved or was cancelled, data erased).
/// </summary>
public static class MessageStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed, Skipped, Cancelled];
}

/// <summary>
/// A message to send about a booking. It names the booking, the slot and the calendar version it is about, and
/// nothing personal: the dispatcher reads the address from the booking's sealed data when it sends.
/// </summary>
public sealed record OutboxMessage(
    Guid Id, Guid BookingId, string Kind, string Channel, Guid SlotId, int Sequence, Instant NotBefore, Instant CreatedAt);

/// <summary>The outbox, written in the command's own write transaction, so that a message exists exactly when its change does.</summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Cancels the booking's reminders that have not gone out yet (the booking moved or was cancelled).</summary>
    Task CancelPendingRemindersAsync(Guid bookingId, Instant now, CancellationToken cancellationToken);

    /// <summary>The channels the booking's messages went out on so far (those its confirmation was queued for).</summary>
    Task<IReadOnlyList<string>> ChannelsOfAsync(Guid bookingId, CancellationToken cancellationToken);
}

/// <summary>An outbox row as staff see it: metadata only.</summary>
public sealed record OutboxRow(
    Guid Id, string Kind, string Channel, string BookingReference, string State, int Attempts, Instant NotBefore, Instant NextAttemptAt,
    Instant? LastAttemptAt, string? LastError, string? MessageId, Instant? FinishedAt, Instant CreatedAt);

public interface IOutboxQueries
{
    /// <summary>Messages in the state (any state when null), oldest first.</summary>
    Task<IReadOnlyList<OutboxRow>> ListAsync(string? state, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// Sends a text message. No provider is built in: register an implementation and name it in
/// <c>Beratung:Messages:Sms:Provider</c> (see README, "Messages"); without one, SMS messages are marked
/// <c>skipped</c> with <c>no-sms-provider</c>.
/// </summary>
public interface ISmsSender
{
    /// <summary>The name <c>Beratung:Messages:Sms:Provider</c> selects this sender by.</summary>
    string Name { get; }

    /// <param name="e164">The number in E.164 form, e.g. <c>+492035550100</c>.</param>
    Task SendAsync(string e164, string text, CancellationToken cancellationToken);
}

/// <summary>
/// Messaging settings the use cases need (<c>Beratung:Messages:ReminderLeadHours</c>; SMS is enabled when
/// <c>Beratung:Messages:Sms:Provider</c> names a provider).
/// </summary>
public sealed record MessageSettings(Duration ReminderLead, bool SmsEnabled = false);
