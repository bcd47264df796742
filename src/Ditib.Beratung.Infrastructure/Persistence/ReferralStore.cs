using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Domain.Referrals;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class ReferralStore(DbSession session, IClock clock, CentreSettings settings) : IReferralRepository
{
    public async Task AddAsync(StoredReferral referral, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO referral (id, case_id, partner_id, status, grounds, shared_categories, follow_up_on, sealed_details, sealed_answer,
                                  created_by, created_at, updated_at)
            VALUES (@Id, @CaseId, @PartnerId, @Status, @Grounds, @SharedCategories, @FollowUpOn, @SealedDetails, NULL, @CreatedBy, @CreatedAt, @CreatedAt)
            """;
        await session.ExecuteAsync(sql, new
        {
            referral.Referral.Id,
            referral.Referral.CaseId,
            referral.Referral.PartnerId,
            Status = referral.Referral.Status.ToCode(),
            referral.Grounds,
            SharedCategories = string.Join(',', referral.SharedCategories),
            referral.Referral.FollowUpOn,
            referral.SealedDetails,
            referral.CreatedBy,
            referral.CreatedAt,
        }, cancellationToken);
    }

    public async Task<StoredReferral?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, case_id, partner_id, status, grounds, shared_categories, follow_up_on, sealed_details, sealed_answer, created_by, created_at
            FROM referral WHERE id = @id
            """;
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, new { id }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        return new StoredReferral(new Referral(row.Id, row.CaseId, row.PartnerId, ReferralCodes.ParseStatus(row.Status), row.FollowUpOn), row.Grounds,
            CodeList.Split(row.SharedCategories), row.SealedDetails, row.SealedAnswer, row.CreatedBy, row.CreatedAt);
    }

    public async Task UpdateAsync(Referral referral, byte[]? sealedAnswer, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE referral SET status = @Status, sealed_answer = COALESCE(@sealedAnswer, sealed_answer), updated_at = @now WHERE id = @Id
            """;
        await session.ExecuteAsync(sql,
            new { referral.Id, Status = referral.Status.ToCode(), sealedAnswer, now = clock.GetCurrentInstant() }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReferralListItemDto>> ListAsync(ReferralFilter filter, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.case_id, c.code AS case_code, r.partner_id, p.name AS partner, p.phone AS partner_phone,
                   co.display_name AS counsellor, r.status, r.follow_up_on, r.created_at, r.updated_at
            FROM referral r
            JOIN case_file c ON c.id = r.case_id
            JOIN partner p ON p.id = r.partner_id
            JOIN counsellor co ON co.id = r.created_by
            WHERE (@Status IS NULL OR r.status = @Status)
              AND (@CaseId IS NULL OR r.case_id = @CaseId)
              AND (@OpenOnly = 0 OR r.status IN ('draft', 'sent', 'accepted'))
              AND (@DueFrom IS NULL OR r.follow_up_on >= @DueFrom)
              AND (@DueTo IS NULL OR r.follow_up_on <= @DueTo)
            ORDER BY r.follow_up_on, c.code, r.id
            """;
        var rows = await session.QueryAsync<ListRow>(sql, filter, cancellationToken);
        return rows.Select(r => new ReferralListItemDto(r.Id, r.CaseId, r.CaseCode, r.PartnerId, r.Partner, r.PartnerPhone, r.Counsellor, r.Status,
            Formats.Date.Format(r.FollowUpOn), Formats.Local(r.CreatedAt, settings.Zone), Formats.Local(r.UpdatedAt, settings.Zone))).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid CaseId { get; set; }
        public Guid PartnerId { get; set; }
        public string Status { get; set; } = "";
        public string Grounds { get; set; } = "";
        public string SharedCategories { get; set; } = "";
        public LocalDate FollowUpOn { get; set; }
        public byte[] SealedDetails { get; set; } = [];
        public byte[]? SealedAnswer { get; set; }
        public Guid CreatedBy { get; set; }
        public Instant CreatedAt { get; set; }
    }

    private sealed class ListRow
    {
        public Guid Id { get; set; }
        public Guid CaseId { get; set; }
        public string CaseCode { get; set; } = "";
        public Guid PartnerId { get; set; }
        public string Partner { get; set; } = "";
        public string? PartnerPhone { get; set; }
        public string Counsellor { get; set; } = "";
        public string Status { get; set; } = "";
        public LocalDate FollowUpOn { get; set; }
        public Instant CreatedAt { get; set; }
        public Instant UpdatedAt { get; set; }
    }
}
