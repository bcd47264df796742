using Ditib.Beratung.Application.Messages;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>The outbox: written by the use cases inside their transaction, worked off by the dispatcher.</summary>
internal sealed class OutboxStore(DbSession session, DatabaseOptions database) : IOutbox, IOutboxQueries
{
    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO outbox_message (id, booking_id, kind, channel, slot_id, sequence, state, not_before, next_attempt_at, attempts, created_at)
            VALUES (@Id, @BookingId, @Kind, @Channel, @SlotId, @Sequence, 'pending', @NotBefore, @NotBefore, 0, @CreatedAt)
            """;
        foreach (var message in messages)
        {
            await session.ExecuteAsync(sql, message, cancellationToken);
        }
    }

    public async Task CancelPendingRemindersAsync(Guid bookingId, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outbox_message SET state = 'cancelled', last_error = 'superseded', finished_at = @now
            WHERE booking_id = @bookingId AND kind = 'reminder' AND state = 'pending'
            """;
        await session.ExecuteAsync(sql, new { bookingId, now }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ChannelsOfAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        return (await session.QueryAsync<string>(
            "SELECT DISTINCT channel FROM outbox_message WHERE booking_id = @bookingId ORDER BY channel", new { bookingId }, cancellationToken)).ToList();
    }

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(string? state, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT o.id, o.kind, o.channel, b.reference AS booking_reference, o.state, o.attempts, o.not_before, o.next_attempt_at,
                   o.last_attempt_at, o.last_error, o.message_id, o.finished_at, o.created_at
            FROM outbox_message o JOIN booking b ON b.id = o.booking_id
            WHERE @state IS NULL OR o.state = @state
            ORDER BY o.created_at, o.id
            LIMIT @limit
            """;
        var rows = await session.QueryAsync<ListRow>(sql, new { state, limit }, cancellationToken);
        return rows.Select(r => new OutboxRow(r.Id, r.Kind, r.Channel, r.BookingReference, r.State, (int)r.Attempts, r.NotBefore, r.NextAttemptAt,
            r.LastAttemptAt, r.LastError, r.MessageId, r.FinishedAt, r.CreatedAt)).ToList();
    }

    /// <summary>Pending messages due now, the longest waiting first.</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(Instant now, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id FROM outbox_message WHERE state = 'pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at, id LIMIT @limit
            """;
        return (await session.QueryAsync<Guid>(sql, new { now, limit }, cancellationToken)).ToList();
    }

    /// <summary>
    /// Takes a due message for one attempt (call inside a write transaction): counts the attempt, fixes its
    /// Message-ID on the first one, and already sets the time of the next try, so a dispatcher that dies before it
    /// records the outcome leaves the message to be sent again then. Null when the message is no longer due, or (on
    /// PostgreSQL, where the dispatchers of several instances work at once) another dispatcher is taking it right now:
    /// <c>FOR UPDATE SKIP LOCKED</c> passes over it instead of waiting. On SQLite the write transaction is the one
    /// writer, so nobody else can be taking it.
    /// </summary>
    public async Task<ClaimedMessage?> ClaimAsync(Guid id, Instant now, Func<int, Instant> nextTry, string messageId,
        CancellationToken cancellationToken)
    {
        const string select = """
            SELECT id, booking_id, kind, channel, slot_id, sequence, attempts, message_id FROM outbox_message
            WHERE id = @id AND state = 'pending' AND next_attempt_at <= @now
            """;
        const string claim = """
            UPDATE outbox_message SET attempts = @attempts, last_attempt_at = @now, next_attempt_at = @retryAt, message_id = @messageId
            WHERE id = @id
            """;
        var row = await session.QuerySingleOrDefaultAsync<ClaimRow>(
            database.IsPostgreSql ? select + " FOR UPDATE SKIP LOCKED" : select, new { id, now }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var attempts = (int)row.Attempts + 1;
        messageId = row.MessageId ?? messageId;
        await session.ExecuteAsync(claim, new { id, now, attempts, retryAt = nextTry(attempts), messageId }, cancellationToken);
        return new ClaimedMessage(row.Id, row.BookingId, row.Kind, row.Channel, row.SlotId, (int)row.Sequence, attempts, messageId);
    }

    /// <summary>Records the outcome of an attempt: a final state, or (state null) a failure that is tried again later.</summary>
    public async Task RecordAsync(Guid id, string? finalState, string? error, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outbox_message SET state = COALESCE(@finalState, state), last_error = @error,
                                      finished_at = CASE WHEN @finalState IS NULL THEN NULL ELSE @now END
            WHERE id = @id AND state = 'pending'
            """;
        await session.ExecuteAsync(sql, new { id, finalState, error, now }, cancellationToken);
    }

    public async Task<byte[]?> SealedManageTokenAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<byte[]?>("SELECT manage_token_sealed FROM booking WHERE id = @bookingId",
            new { bookingId }, cancellationToken);
    }

    private sealed class ListRow
    {
        public Guid Id { get; set; }
        public string Kind { get; set; } = "";
        public string Channel { get; set; } = "";
        public string BookingReference { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public Instant NotBefore { get; set; }
        public Instant NextAttemptAt { get; set; }
        public Instant? LastAttemptAt { get; set; }
        public string? LastError { get; set; }
        public string? MessageId { get; set; }
        public Instant? FinishedAt { get; set; }
        public Instant CreatedAt { get; set; }
    }

    private sealed class ClaimRow
    {
        public Guid Id { get; set; }
        public Guid BookingId { get; set; }
        public string Kind { get; set; } = "";
        public string Channel { get; set; } = "";
        public Guid SlotId { get; set; }
        public long Sequence { get; set; }
        public long Attempts { get; set; }
        public string? MessageId { get; set; }
    }
}

/// <summary>A message taken for one attempt.</summary>
internal sealed record ClaimedMessage(
    Guid Id, Guid BookingId, string Kind, string Channel, Guid SlotId, int Sequence, int Attempts, string MessageId);
