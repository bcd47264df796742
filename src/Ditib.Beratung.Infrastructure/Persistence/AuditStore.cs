using System.Security.Cryptography;
using System.Text;
using Dapper;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The audit trail as a hash chain: each entry's hash is SHA-256 over the previous entry's hash and its own fields,
/// so changing, removing or inserting an entry breaks every hash after it. The table refuses UPDATE and DELETE.
/// Entries are appended in the request's write transaction (which also orders them); outside one, in their own.
/// </summary>
internal sealed class AuditStore(DbSession session, ICurrentUser currentUser, IClock clock) : IAuditTrail, IAuditQueries
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        if (!session.InTransaction)
        {
            await session.BeginAsync(cancellationToken);
            try
            {
                await AppendAsync(auditEvent, cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
            catch
            {
                await session.RollbackAsync();
                throw;
            }

            return;
        }

        await AppendAsync(auditEvent, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntryDto>> ListAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT seq, id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash
            FROM audit_entry
            WHERE (@SubjectType IS NULL OR subject_type = @SubjectType)
              AND (@SubjectId IS NULL OR subject_id = @SubjectId)
              AND (@Actor IS NULL OR lower(actor_name) = lower(@Actor) OR actor_id = lower(@Actor))
              AND (@From IS NULL OR at >= @From)
              AND (@To IS NULL OR at < @To)
            ORDER BY seq DESC
            LIMIT @Limit
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(session.Command(sql, filter, cancellationToken));
        return rows.Select(r => new AuditEntryDto(r.Seq, ParseId(r.Id) ?? Guid.Empty, r.At, ParseId(r.ActorId), r.ActorName, r.Action,
            r.SubjectType, r.SubjectId, r.Outcome)).ToList();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT seq, id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash
            FROM audit_entry ORDER BY seq
            """;
        const string highWater = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), 0)";
        var connection = await session.ConnectionAsync(cancellationToken);
        var previous = Genesis;
        long count = 0, lastSeq = 0;
        foreach (var row in await connection.QueryAsync<Row>(session.Command(sql, null, cancellationToken)))
        {
            count++;
            if (row.Seq != lastSeq + 1)
            {
                return Broken(count, row.Seq, ParseId(row.Id), "Entries before this one are missing (the numbering has a gap).", previous);
            }

            if (!string.Equals(row.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(count, row.Seq, ParseId(row.Id), "The entry does not follow the entry before it (one was removed, inserted or changed).", previous);
            }

            if (!string.Equals(row.Hash, Hash(previous, row), StringComparison.Ordinal))
            {
                return Broken(count, row.Seq, ParseId(row.Id), "The entry's content does not match its hash (it was changed).", previous);
            }

            (previous, lastSeq) = (row.Hash, row.Seq);
        }

        // AUTOINCREMENT remembers the highest number ever given out, so removing the newest entries shows too.
        var highest = await connection.ExecuteScalarAsync<long>(session.Command(highWater, null, cancellationToken));
        return highest > lastSeq
            ? Broken(count, lastSeq + 1, null, $"The newest entries (from number {lastSeq + 1} to {highest}) were removed.", previous)
            : new AuditVerification(true, count, null, null, null, previous);
    }

    private static Guid? ParseId(string? text) => Guid.TryParse(text, out var id) ? id : null;

    private static AuditVerification Broken(long count, long seq, Guid? id, string problem, string lastGoodHash) =>
        new(false, count, seq, id, problem, lastGoodHash);

    private async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        const string last = "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
        const string insert = """
            INSERT INTO audit_entry (id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash)
            VALUES (@Id, @At, @ActorId, @ActorName, @Action, @SubjectType, @SubjectId, @Outcome, @PreviousHash, @Hash)
            """;
        var connection = await session.ConnectionAsync(cancellationToken);
        var previous = await connection.ExecuteScalarAsync<string?>(session.Command(last, null, cancellationToken)) ?? Genesis;
        var (actorId, actorName) = auditEvent.Actor ?? (currentUser.Id, currentUser.Name);
        var row = new Row
        {
            Id = Guid.CreateVersion7().ToString("D"),
            At = TypeHandlers.InstantText.Format(clock.GetCurrentInstant()),
            ActorId = actorId?.ToString("D"),
            ActorName = actorName,
            Action = auditEvent.Action,
            SubjectType = auditEvent.SubjectType,
            SubjectId = auditEvent.SubjectId,
            Outcome = auditEvent.Outcome,
            PreviousHash = previous,
        };
        row.Hash = Hash(previous, row);
        await connection.ExecuteAsync(session.Command(insert, row, cancellationToken));
    }

    private static string Hash(string previous, Row row)
    {
        var canonical = string.Join('\n', previous, row.Id, row.At, row.ActorId ?? "",
            row.ActorName, row.Action, row.SubjectType, row.SubjectId ?? "", row.Outcome);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private sealed class Row
    {
        public long Seq { get; set; }
        // Read as stored text, so that verification reports a tampered row instead of failing to parse it.
        public string Id { get; set; } = "";
        public string At { get; set; } = "";
        public string? ActorId { get; set; }
        public string ActorName { get; set; } = "";
        public string Action { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public string? SubjectId { get; set; }
        public string Outcome { get; set; } = "";
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";
    }
}
