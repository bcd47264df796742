using Ditib.Beratung.Application.Messages;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>The desk's side of <c>outbox_message</c>: failed messages, and putting one back in the queue.</summary>
internal sealed class UndeliveredStore(DbSession session) : IUndeliveredMessages
{
    private const string Select = """
        SELECT o.id, o.booking_id, b.reference AS booking_reference, o.kind, o.channel, o.slot_id, o.sequence, o.state, o.attempts,
               o.last_error, o.finished_at AS failed_at
        FROM outbox_message o JOIN booking b ON b.id = o.booking_id
        """;

    public async Task<IReadOnlyList<UndeliveredRow>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            {Select}
            WHERE o.state = 'failed'
            ORDER BY o.finished_at DESC, o.id DESC
            LIMIT @limit
            """;
        return (await session.QueryAsync<Row>(sql, new { limit }, cancellationToken)).Select(r => r.ToRow()).ToList();
    }

    public async Task<UndeliveredRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = $"""
            {Select}
            WHERE o.id = @id
            """;
        return (await session.QuerySingleOrDefaultAsync<Row>(sql, new { id }, cancellationToken))?.ToRow();
    }

    public async Task RequeueAsync(Guid id, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outbox_message SET state = 'pending', attempts = 0, next_attempt_at = @now, last_error = NULL, finished_at = NULL
            WHERE id = @id AND state = 'failed'
            """;
        await session.ExecuteAsync(sql, new { id, now }, cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid BookingId { get; set; }
        public string BookingReference { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Channel { get; set; } = "";
        public Guid SlotId { get; set; }
        public long Sequence { get; set; }
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public string? LastError { get; set; }
        public Instant? FailedAt { get; set; }

        public UndeliveredRow ToRow() =>
            new(Id, BookingId, BookingReference, Kind, Channel, SlotId, (int)Sequence, State, (int)Attempts, LastError, FailedAt);
    }
}
