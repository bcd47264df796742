using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Domain.Bookings;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>The worklist "Offen": confirmed bookings whose appointment has begun, through the partial index of migration 0012.</summary>
internal sealed class OpenOutcomeQueries(DbSession session) : IOpenOutcomeQueries
{
    // The status is written into the text (from the domain's code) rather than passed as a parameter: SQLite uses a
    // partial index only when the query names its condition literally.
    private static readonly string Sql = $"""
        SELECT b.id AS booking_id, b.reference, b.data_key_id, b.personal_data AS sealed_personal_data,
               s.start_at AS start, s.end_at AS "end", c.display_name AS counsellor, s.mode, s.location
        FROM booking b
        JOIN slot s ON s.id = b.slot_id
        JOIN counsellor c ON c.id = s.counsellor_id
        WHERE b.status = '{BookingStatus.Confirmed.ToCode()}' AND s.start_at < @begunBefore
              AND (@counsellorId IS NULL OR s.counsellor_id = @counsellorId)
        ORDER BY s.start_at, c.display_name, b.reference
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<OpenOutcomeRow>> ListAsync(Instant begunBefore, Guid? counsellorId, int limit, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(Sql, new { begunBefore, counsellorId, limit }, cancellationToken);
        return rows.Select(r => new OpenOutcomeRow(r.BookingId, r.Reference, r.DataKeyId, r.SealedPersonalData, r.Start, r.End, r.Counsellor,
            r.Mode, r.Location)).ToList();
    }

    private sealed class Row
    {
        public Guid BookingId { get; set; }
        public string Reference { get; set; } = "";
        public Guid? DataKeyId { get; set; }
        public byte[]? SealedPersonalData { get; set; }
        public Instant Start { get; set; }
        public Instant End { get; set; }
        public string Counsellor { get; set; } = "";
        public string Mode { get; set; } = "";
        public string? Location { get; set; }
    }
}
