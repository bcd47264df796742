using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class CaseStore(DbSession session, IClock clock) : ICaseRepository
{
    private const string SelectCases = """
        SELECT c.id, c.code, c.owner_counsellor_id, c.status, c.opened_on, c.closed_on, c.booking_id, c.data_key_id,
               o.display_name AS owner,
               (SELECT group_concat(topic_code, ',') FROM case_topic t WHERE t.case_id = c.id) AS topics,
               (SELECT group_concat(counsellor_id, ',') FROM case_share s WHERE s.case_id = c.id) AS shared_with
        FROM case_file c
        JOIN counsellor o ON o.id = c.owner_counsellor_id
        """;

    public async Task<int> NextSequenceAsync(int year, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(sequence), 0) + 1 FROM case_file WHERE year = @year", new { year }, cancellationToken);
    }

    public async Task AddAsync(Case @case, Guid clientId, byte[] sealedIdentity, CancellationToken cancellationToken)
    {
        const string insertCase = """
            INSERT INTO case_file (id, code, year, sequence, owner_counsellor_id, status, opened_on, closed_on, booking_id, data_key_id,
                                   created_at, updated_at)
            VALUES (@Id, @Code, @Year, @Sequence, @OwnerCounsellorId, @Status, @OpenedOn, @ClosedOn, @BookingId, @DataKeyId, @now, @now)
            """;
        const string insertClient = "INSERT INTO client (id, case_id, sealed_identity, created_at) VALUES (@clientId, @caseId, @sealedIdentity, @now)";
        var now = clock.GetCurrentInstant();
        await session.ExecuteAsync(insertCase, new
        {
            @case.Id,
            @case.Code,
            Year = @case.OpenedOn.Year,
            @case.Sequence,
            @case.OwnerCounsellorId,
            Status = StatusCode(@case.Status),
            @case.OpenedOn,
            @case.ClosedOn,
            @case.BookingId,
            @case.DataKeyId,
            now,
        }, cancellationToken);
        await session.ExecuteAsync("INSERT INTO case_topic (case_id, topic_code) VALUES (@Id, @Topic)",
            @case.Topics.Select(topic => new { @case.Id, Topic = topic }), cancellationToken);
        await session.ExecuteAsync(insertClient, new { clientId, caseId = @case.Id, sealedIdentity, now }, cancellationToken);
    }

    public async Task<Case?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectCases + " WHERE c.id = @id", new { id }, cancellationToken);
        return row?.ToDomain();
    }

    public async Task<bool> ExistsForBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM case_file WHERE booking_id = @bookingId)", new { bookingId }, cancellationToken);
    }

    public async Task UpdateAsync(Case @case, CancellationToken cancellationToken)
    {
        const string update = """
            UPDATE case_file SET status = @Status, closed_on = @ClosedOn, updated_at = @now WHERE id = @Id;
            DELETE FROM case_share WHERE case_id = @Id;
            """;
        await session.ExecuteAsync(update,
            new { @case.Id, Status = StatusCode(@case.Status), @case.ClosedOn, now = clock.GetCurrentInstant() }, cancellationToken);
        await session.ExecuteAsync("INSERT INTO case_share (case_id, counsellor_id) VALUES (@Id, @CounsellorId)",
            @case.SharedWith.Select(counsellorId => new { @case.Id, CounsellorId = counsellorId }), cancellationToken);
    }

    public async Task<IReadOnlyList<CaseSummaryDto>> ListAsync(CaseFilter filter, CancellationToken cancellationToken)
    {
        const string where = """
             WHERE (c.owner_counsellor_id = @CounsellorId
                    OR (COALESCE(@OwnOnly, 0) = 0
                        AND EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = c.id AND s.counsellor_id = @CounsellorId)))
               AND (@Status IS NULL OR c.status = @Status)
               AND (@CaseId IS NULL OR c.id = @CaseId)
               AND (@Code IS NULL OR c.code = @Code)
               AND (@Topic IS NULL OR EXISTS (SELECT 1 FROM case_topic t WHERE t.case_id = c.id AND t.topic_code = @Topic))
             ORDER BY c.opened_on DESC, c.code DESC
            """;
        var rows = await session.QueryAsync<Row>(SelectCases + where, filter, cancellationToken);
        return rows.Select(r => new CaseSummaryDto(r.Id, r.Code, CodeList.Split(r.Topics), r.Status, Formats.Date.Format(r.OpenedOn),
            r.ClosedOn is { } closed ? Formats.Date.Format(closed) : null, r.OwnerCounsellorId, r.Owner, r.OwnerCounsellorId == filter.CounsellorId,
            CodeList.Split(r.SharedWith).Select(Guid.Parse).ToList())).ToList();
    }

    public async Task<byte[]> GetSealedIdentityAsync(Guid caseId, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<byte[]>(
            "SELECT sealed_identity FROM client WHERE case_id = @caseId", new { caseId }, cancellationToken)
            ?? throw new Domain.Common.GoneException("The client's data has been erased.");
    }

    public async Task UpdateSealedIdentityAsync(Guid caseId, byte[] sealedIdentity, CancellationToken cancellationToken)
    {
        var updated = await session.ExecuteAsync(
            "UPDATE client SET sealed_identity = @sealedIdentity WHERE case_id = @caseId", new { caseId, sealedIdentity }, cancellationToken);
        if (updated == 0)
        {
            throw new Domain.Common.GoneException("The client's data has been erased.");
        }
    }

    public async Task AddNoteAsync(StoredNote note, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO case_note (id, case_id, author_counsellor_id, created_at, supersedes_id, sealed_text, redactions)
            VALUES (@Id, @CaseId, @AuthorCounsellorId, @CreatedAt, @Supersedes, @SealedText, @Redactions)
            """;
        await session.ExecuteAsync(sql, new
        {
            note.Id,
            note.CaseId,
            note.AuthorCounsellorId,
            note.CreatedAt,
            note.Supersedes,
            note.SealedText,
            Redactions = string.Join(',', note.Redactions.Select(r => $"{r.Kind}:{r.Count}")),
        }, cancellationToken);
    }

    public async Task<bool> NoteExistsAsync(Guid caseId, Guid noteId, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM case_note WHERE id = @noteId AND case_id = @caseId)", new { caseId, noteId }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredNote>> ListNotesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT n.id, n.case_id, n.author_counsellor_id, a.display_name AS author, n.created_at, n.supersedes_id, n.sealed_text, n.redactions
            FROM case_note n JOIN counsellor a ON a.id = n.author_counsellor_id
            WHERE n.case_id = @caseId
            ORDER BY n.created_at, n.id
            """;
        var rows = await session.QueryAsync<NoteRow>(sql, new { caseId }, cancellationToken);
        return rows.Select(r => new StoredNote(r.Id, r.CaseId, r.AuthorCounsellorId, r.Author, r.CreatedAt, r.SupersedesId, r.SealedText,
            CodeList.Split(r.Redactions).Select(pair => pair.Split(':')).Select(p => new Redaction(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList()))
            .ToList();
    }

    private static string StatusCode(CaseStatus status) => status == CaseStatus.Closed ? "closed" : "open";

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public Guid OwnerCounsellorId { get; set; }
        public string Status { get; set; } = "";
        public LocalDate OpenedOn { get; set; }
        public LocalDate? ClosedOn { get; set; }
        public Guid? BookingId { get; set; }
        public Guid DataKeyId { get; set; }
        public string Owner { get; set; } = "";
        public string? Topics { get; set; }
        public string? SharedWith { get; set; }

        public Case ToDomain() =>
            new(Id, Code, OwnerCounsellorId, CodeList.Split(SharedWith).Select(Guid.Parse), CodeList.Split(Topics),
                Status == "closed" ? CaseStatus.Closed : CaseStatus.Open, OpenedOn, ClosedOn, BookingId, DataKeyId);
    }

    private sealed class NoteRow
    {
        public Guid Id { get; set; }
        public Guid CaseId { get; set; }
        public Guid AuthorCounsellorId { get; set; }
        public string Author { get; set; } = "";
        public Instant CreatedAt { get; set; }
        public Guid? SupersedesId { get; set; }
        public byte[] SealedText { get; set; } = [];
        public string Redactions { get; set; } = "";
    }
}
