using NodaTime;

namespace Ditib.Beratung.Application.Messages;

/// <summary>A message that could not be delivered, with what the desk needs to decide and to call: metadata only.</summary>
public sealed record UndeliveredRow(
    Guid Id, Guid BookingId, string BookingReference, string Kind, string Channel, Guid SlotId, int Sequence, string State, int Attempts,
    string? LastError, Instant? FailedAt);

/// <summary>The desk's side of the outbox: the messages given up on, and sending one of them again.</summary>
public interface IUndeliveredMessages
{
    /// <summary>Messages in state <c>failed</c>, the latest failure first.</summary>
    Task<IReadOnlyList<UndeliveredRow>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One message in any state, or null.</summary>
    Task<UndeliveredRow?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Puts a failed message back in the queue, due now, with its attempts counted afresh (call inside the write transaction).</summary>
    Task RequeueAsync(Guid id, Instant now, CancellationToken cancellationToken);
}
