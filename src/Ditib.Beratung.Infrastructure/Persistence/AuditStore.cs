using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Infrastructure.Security;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The audit trail as a keyed hash chain: each entry's hash is HMAC-SHA256, under <see cref="AuditChainKey"/>, over
/// the previous entry's hash and its own fields, so changing, removing or inserting an entry breaks every hash after
/// it, and without the key the chain cannot be recomputed. Keyed hashes are stored as <c>hmac-sha256:{hex}</c>;
/// entries written before the key existed carry a bare SHA-256 hex hash and still verify, but only before the first
/// keyed entry: an unkeyed entry after a keyed one is a break. The table refuses UPDATE and DELETE. Entries are
/// appended in the request's write transaction (which also orders them); outside one, in their own.
/// </summary>
internal sealed class AuditStore(DbSession session, ICurrentUser currentUser, IClock clock, AuditChainKey chainKey, DatabaseOptions database)
    : IAuditTrail, IAuditQueries
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string KeyedPrefix = "hmac-sha256:";

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        if (!session.InTransaction)
        {
            // Its own transaction, run again when a concurrent append took the same place in the chain (PostgreSQL).
            await session.InTransactionAsync(async () =>
            {
                await AppendAsync(auditEvent, cancellationToken);
                return true;
            }, cancellationToken);
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
              AND (@Action IS NULL OR action = @Action)
              AND (@From IS NULL OR at >= @From)
              AND (@To IS NULL OR at < @To)
              AND (@Before IS NULL OR seq < @Before)
            ORDER BY seq DESC
            LIMIT @Limit
            """;
        var rows = await session.QueryAsync<Row>(sql, filter, cancellationToken);
        return rows.Select(Dto).ToList();
    }

    public async Task<IReadOnlyList<AuditEntryDto>> AboutCaseAsync(Guid caseId, IReadOnlyCollection<string> actions, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT seq, id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash
            FROM audit_entry
            WHERE action IN @Actions AND (
                   (subject_type IN ('case', 'client') AND subject_id = @CaseId)
                OR (subject_type = 'note' AND subject_id IN (SELECT id FROM case_note WHERE case_id = @CaseId))
                OR (subject_type = 'referral' AND subject_id IN (SELECT id FROM referral WHERE case_id = @CaseId))
                OR (subject_type = 'booking' AND subject_id IN (SELECT booking_id FROM case_file WHERE id = @CaseId)))
            ORDER BY seq
            """;
        var rows = await session.QueryAsync<Row>(sql, new { CaseId = caseId.ToString("D"), Actions = actions.ToArray() }, cancellationToken);
        return rows.Select(Dto).ToList();
    }

    private static AuditEntryDto Dto(Row r) =>
        new(r.Seq, ParseId(r.Id) ?? Guid.Empty, r.At, ParseId(r.ActorId), r.ActorName, r.Action, r.SubjectType, r.SubjectId, r.Outcome);

    public async Task<AuditVerification> VerifyAsync(NotedEntry? noted, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT seq, id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash
            FROM audit_entry ORDER BY seq
            """;
        // SQLite's AUTOINCREMENT keeps it in sqlite_sequence; the PostgreSQL schema in audit_high_water (a trigger).
        var highWater = database.IsPostgreSql
            ? "SELECT seq FROM audit_high_water"
            : "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), 0)";
        var chain = new ChainWalk();
        string? notedHashFound = null;
        foreach (var row in await session.QueryAsync<Row>(sql, null, cancellationToken))
        {
            var keyed = row.Hash.StartsWith(KeyedPrefix, StringComparison.Ordinal);
            if (Problem(row, keyed, chain) is { } problem)
            {
                return chain.Broken(row.Seq, ParseId(row.Id), problem);
            }

            chain.Accept(row.Seq, ParseId(row.Id), row.Hash, keyed);
            notedHashFound = row.Seq == noted?.Seq ? row.Hash : notedHashFound;
        }

        // Start-up appends a keyed entry after unkeyed ones (SealEarlierChainAsync), so a chain that ends unkeyed was
        // recomputed without the key.
        if (chain.LastSeq > 0 && !chain.Keyed)
        {
            return chain.Broken(1, null, "No entry at the end of the chain carries a keyed hash: the chain was recomputed without the key.");
        }

        // AUTOINCREMENT remembers the highest number ever given out, so removing the newest entries shows too, unless
        // the high-water mark was lowered as well: then only the entry the DPO noted outside the system tells.
        var highest = await session.ExecuteScalarAsync<long>(highWater, null, cancellationToken);
        if (highest > chain.LastSeq)
        {
            return chain.Broken(chain.LastSeq + 1, null, $"The newest entries (from number {chain.LastSeq + 1} to {highest}) were removed.");
        }

        if (noted is not null && notedHashFound is null)
        {
            return chain.Broken(chain.LastSeq + 1, null, $"The noted entry {noted.Seq} is gone: the newest entries were removed.");
        }

        if (noted is not null && !string.Equals(notedHashFound, noted.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return chain.Broken(noted.Seq, null, $"The noted entry {noted.Seq} no longer has the noted hash: the chain was rewritten.");
        }

        return chain.Intact();
    }

    /// <summary>
    /// At start-up: when the newest entry is one from before the chain key, appends a keyed <c>audit.chain-keyed</c>
    /// entry naming how many entries are unkeyed, so that from then on a chain ending unkeyed is a break.
    /// </summary>
    public async Task SealEarlierChainAsync(CancellationToken cancellationToken)
    {
        const string last = "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
        const string unkeyed = "SELECT COUNT(*) FROM audit_entry WHERE hash NOT LIKE 'hmac-sha256:%'";
        await session.InTransactionAsync(async () =>
        {
            var newest = await session.ExecuteScalarAsync<string?>(last, null, cancellationToken);
            if (newest is not null && !newest.StartsWith(KeyedPrefix, StringComparison.Ordinal))
            {
                var count = await session.ExecuteScalarAsync<long>(unkeyed, null, cancellationToken);
                await AppendAsync(new AuditEvent("audit.chain-keyed", "audit", null, $"success: {count} unkeyed entries before")
                {
                    Actor = (null, "system"),
                }, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    private string? Problem(Row row, bool keyed, ChainWalk chain)
    {
        if (row.Seq != chain.LastSeq + 1)
        {
            return "Entries before this one are missing (the numbering has a gap).";
        }

        if (!string.Equals(row.PreviousHash, chain.Previous, StringComparison.Ordinal))
        {
            return "The entry does not follow the entry before it (one was removed, inserted or changed).";
        }

        if (!keyed && chain.Keyed)
        {
            return "The entry has no keyed hash although entries before it have (the chain was recomputed without the key).";
        }

        return string.Equals(row.Hash, Hash(chain.Previous, row, keyed), StringComparison.Ordinal)
            ? null
            : "The entry's content does not match its hash (it was changed, or the chain was recomputed without the key).";
    }

    private static Guid? ParseId(string? text) => Guid.TryParse(text, out var id) ? id : null;

    private async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        const string last = "SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
        const string insert = """
            INSERT INTO audit_entry (id, at, actor_id, actor_name, action, subject_type, subject_id, outcome, previous_hash, hash)
            VALUES (@Id, @At, @ActorId, @ActorName, @Action, @SubjectType, @SubjectId, @Outcome, @PreviousHash, @Hash)
            """;
        var previous = await session.ExecuteScalarAsync<string?>(last, null, cancellationToken) ?? Genesis;
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
        row.Hash = Hash(previous, row, keyed: true);
        await session.ExecuteAsync(insert, row, cancellationToken);
    }

    /// <summary>Keyed: <c>hmac-sha256:</c> and the HMAC's hex; unkeyed (entries from before the key): SHA-256 hex.</summary>
    private string Hash(string previous, Row row, bool keyed)
    {
        var canonical = Encoding.UTF8.GetBytes(string.Join('\n', previous, row.Id, row.At, row.ActorId ?? "",
            row.ActorName, row.Action, row.SubjectType, row.SubjectId ?? "", row.Outcome));
        return keyed ? KeyedPrefix + Convert.ToHexStringLower(chainKey.Sign(canonical)) : Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    /// <summary>The state of a verification walking the chain from its first entry.</summary>
    private sealed class ChainWalk
    {
        public string Previous { get; private set; } = Genesis;

        public long LastSeq { get; private set; }

        public bool Keyed { get; private set; }

        private Guid? lastId;
        private long count;
        private long unkeyed;

        public void Accept(long seq, Guid? id, string hash, bool keyed)
        {
            (Previous, LastSeq, lastId, Keyed) = (hash, seq, id, keyed);
            count++;
            unkeyed += keyed ? 0 : 1;
        }

        public AuditVerification Broken(long seq, Guid? id, string problem) =>
            new(false, count, seq, id, problem, Previous, LastSeq == 0 ? null : LastSeq, lastId, unkeyed);

        public AuditVerification Intact() => new(true, count, null, null, null, Previous, LastSeq == 0 ? null : LastSeq, lastId, unkeyed);
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
