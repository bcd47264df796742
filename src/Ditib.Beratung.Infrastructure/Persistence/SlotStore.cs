using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class SlotStore(DbSession session) : ISlotRepository, ISlotQueries
{
    private const string SelectRows = """
        SELECT s.id, s.counsellor_id, c.display_name AS counsellor, c.active AS counsellor_active,
               s.start_at, s.end_at, s.mode, s.location, s.capacity, s.status, s.cancel_reason, s.places_taken AS taken,
               (SELECT group_concat(language_code, ',') FROM counsellor_language l WHERE l.counsellor_id = s.counsellor_id) AS languages,
               (SELECT group_concat(topic_code, ',') FROM counsellor_topic t WHERE t.counsellor_id = s.counsellor_id) AS topics
        FROM slot s
        JOIN counsellor c ON c.id = s.counsellor_id
        """;

    private const string SearchFilters = """
          AND (s.start_at, s.id) > (@AfterStart, @AfterId)
          AND (@FreeOnly = 0 OR (s.status = 'open' AND s.places_taken < s.capacity AND c.active = 1))
          AND (@Topic IS NULL OR EXISTS (SELECT 1 FROM counsellor_topic t WHERE t.counsellor_id = s.counsellor_id AND t.topic_code = @Topic))
          AND (@Language IS NULL OR EXISTS (SELECT 1 FROM counsellor_language l
                                            WHERE l.counsellor_id = s.counsellor_id AND l.language_code = @Language))
          AND (@Mode IS NULL OR s.mode = @Mode)
        ORDER BY s.start_at, s.id
        LIMIT @Limit
        """;

    public async Task<Slot?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        return (await SingleAsync(id, cancellationToken))?.ToSlot();
    }

    async Task<SlotRow?> ISlotQueries.GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await SingleAsync(id, cancellationToken))?.ToSlotRow();

    public async Task<IReadOnlyList<SlotRow>> SearchAsync(SlotSearch search, CancellationToken cancellationToken)
    {
        // Residents' search: walks ix_slot_start_id from the window's start (or the page's cursor) in (start, id) order,
        // checks each slot's counsellor and free places (slot.places_taken, kept by triggers) and stops once the page
        // is full (EXPLAIN QUERY PLAN: SEARCH s USING INDEX ix_slot_start_id (start_at>? AND start_at<?), no sort).
        const string walk = "\nWHERE s.start_at >= @From AND s.start_at < @To\n" + SearchFilters;

        // One counsellor's slots (her agenda, the desk's list): SEARCH s USING INDEX ix_slot_counsellor_start, then a
        // sort of her few slots.
        const string ofCounsellor = "\nWHERE s.counsellor_id = @CounsellorId AND s.start_at >= @From AND s.start_at < @To\n" + SearchFilters;
        var rows = await session.QueryAsync<Row>(SelectRows + (search.CounsellorId is null ? walk : ofCounsellor), new
        {
            From = search.Interval.Start,
            To = search.Interval.End,
            search.FreeOnly,
            search.Topic,
            search.Language,
            search.Mode,
            search.CounsellorId,
            // Without a cursor, (start, id) > (window start, '') holds for every slot of the window.
            AfterStart = search.After?.Start ?? search.Interval.Start,
            AfterId = search.After?.Id.ToString("D") ?? "",
            // No page: every slot of the window (LIMIT -1 means "none" to SQLite only).
            Limit = search.Limit ?? int.MaxValue,
        }, cancellationToken);
        return rows.Select(r => r.ToSlotRow()).ToList();
    }

    public async Task<IReadOnlyList<Interval>> IntervalsAsync(Guid counsellorId, Interval interval, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT start_at, end_at FROM slot
            WHERE counsellor_id = @counsellorId AND start_at < @end AND end_at > @start
            """;
        var rows = await session.QueryAsync<IntervalRow>(sql, new { counsellorId, start = interval.Start, end = interval.End }, cancellationToken);
        return rows.Select(r => new Interval(r.StartAt, r.EndAt)).ToList();
    }

    public async Task<IReadOnlyList<Slot>> StartingInAsync(Guid counsellorId, Interval interval, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, counsellor_id, start_at, end_at, mode, location, capacity, status, cancel_reason, places_taken AS taken FROM slot
            WHERE counsellor_id = @counsellorId AND start_at >= @start AND start_at < @end
            ORDER BY start_at
            """;
        var rows = await session.QueryAsync<Row>(sql, new { counsellorId, start = interval.Start, end = interval.End }, cancellationToken);
        return rows.Select(r => r.ToSlot()).ToList();
    }

    public async Task AddAsync(IReadOnlyList<Slot> slots, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO slot (id, counsellor_id, start_at, end_at, mode, location, capacity, status, created_at)
            VALUES (@Id, @CounsellorId, @Start, @End, @Mode, @Location, @Capacity, 'open', @now)
            """;
        await session.ExecuteAsync(sql, slots.Select(s => new
        {
            s.Id,
            s.CounsellorId,
            s.Start,
            s.End,
            Mode = s.Mode.ToCode(),
            s.Location,
            s.Capacity,
            now,
        }), cancellationToken);
    }

    public async Task UpdateStatusAsync(Slot slot, Instant now, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE slot SET status = @status, cancel_reason = @CancelReason,
                            cancelled_at = CASE WHEN @status = 'cancelled' THEN @now END
            WHERE id = @Id
            """;
        await session.ExecuteAsync(sql, new
        {
            slot.Id,
            status = slot.Status.ToCode(),
            slot.CancelReason,
            now,
        }, cancellationToken);
    }

    private async Task<Row?> SingleAsync(Guid id, CancellationToken cancellationToken)
    {
        return await session.QuerySingleOrDefaultAsync<Row>(SelectRows + " WHERE s.id = @id", new { id }, cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid CounsellorId { get; set; }
        public string Counsellor { get; set; } = "";
        public bool CounsellorActive { get; set; }
        public Instant StartAt { get; set; }
        public Instant EndAt { get; set; }
        public string Mode { get; set; } = "";
        public string? Location { get; set; }
        public long Capacity { get; set; }
        public string Status { get; set; } = "";
        public string? CancelReason { get; set; }
        public long Taken { get; set; }
        public string? Languages { get; set; }
        public string? Topics { get; set; }

        public Slot ToSlot() =>
            new(Id, CounsellorId, StartAt, EndAt, SlotModes.Parse(Mode), Location, (int)Capacity, SlotStatuses.Parse(Status), CancelReason,
                (int)Taken, Counsellor.Length == 0 ? null : new SlotCounsellor(Counsellor, CounsellorActive, CodeList.Split(Topics), CodeList.Split(Languages)));

        public SlotRow ToSlotRow() =>
            new(Id, CounsellorId, Counsellor, CounsellorActive, StartAt, EndAt, Mode, Location, (int)Capacity, (int)Taken, Status,
                CodeList.Split(Languages), CodeList.Split(Topics));
    }

    private sealed class IntervalRow
    {
        public Instant StartAt { get; set; }
        public Instant EndAt { get; set; }
    }
}
