using Ditib.Beratung.Application.Statistics;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Counts for the funders' statistics: grouped by codes and partner names, never a row about a person.</summary>
internal sealed class StatisticsStore(DbSession session) : IStatisticsQueries
{
    public async Task<IReadOnlyList<BookingCount>> CountBookingsAsync(Interval interval, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT b.topic_code AS topic, b.language_code AS language, b.status, COUNT(*) AS count
            FROM booking b
            JOIN slot s ON s.id = b.slot_id
            WHERE s.start_at >= @Start AND s.start_at < @End
            GROUP BY b.topic_code, b.language_code, b.status
            """;
        var rows = await session.QueryAsync<BookingRow>(sql, new { interval.Start, interval.End }, cancellationToken);
        return rows.Select(r => new BookingCount(r.Topic, r.Language, r.Status, r.Count)).ToList();
    }

    public Task<IReadOnlyList<LabelCount>> CountCasesOpenedAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.topic_code AS row, substr(c.opened_on, 1, 7) AS "column", COUNT(*) AS count
            FROM case_file c
            JOIN case_topic t ON t.case_id = c.id
            WHERE c.opened_on >= @from AND c.opened_on <= @to
            GROUP BY t.topic_code, substr(c.opened_on, 1, 7)
            """;
        return LabelCountsAsync(sql, new { from, to }, cancellationToken);
    }

    public Task<IReadOnlyList<LabelCount>> CountCasesClosedAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.topic_code AS row, substr(c.closed_on, 1, 7) AS "column", COUNT(*) AS count
            FROM case_file c
            JOIN case_topic t ON t.case_id = c.id
            WHERE c.closed_on IS NOT NULL AND c.closed_on >= @from AND c.closed_on <= @to
            GROUP BY t.topic_code, substr(c.closed_on, 1, 7)
            """;
        return LabelCountsAsync(sql, new { from, to }, cancellationToken);
    }

    public Task<IReadOnlyList<LabelCount>> CountReferralsAsync(Interval interval, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.name AS row, r.status AS "column", COUNT(*) AS count
            FROM referral r
            JOIN partner p ON p.id = r.partner_id
            WHERE r.created_at >= @Start AND r.created_at < @End
            GROUP BY p.name, r.status
            """;
        return LabelCountsAsync(sql, new { interval.Start, interval.End }, cancellationToken);
    }

    private async Task<IReadOnlyList<LabelCount>> LabelCountsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<LabelRow>(sql, parameters, cancellationToken);
        return rows.Select(r => new LabelCount(r.Row, r.Column, r.Count)).ToList();
    }

    // Classes with setters, not records: on an empty result SQLite reports COUNT(*) as a blob, which no constructor matches.
    private sealed class BookingRow
    {
        public string Topic { get; set; } = "";
        public string Language { get; set; } = "";
        public string Status { get; set; } = "";
        public long Count { get; set; }
    }

    private sealed class LabelRow
    {
        public string Row { get; set; } = "";
        public string Column { get; set; } = "";
        public long Count { get; set; }
    }
}
