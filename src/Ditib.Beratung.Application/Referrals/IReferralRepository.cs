using Ditib.Beratung.Domain.Referrals;
using NodaTime;

namespace Ditib.Beratung.Application.Referrals;

public sealed record StoredReferral(
    Referral Referral, string Grounds, IReadOnlyList<string> SharedCategories, byte[] SealedDetails, byte[]? SealedAnswer, Guid CreatedBy,
    Instant CreatedAt);

/// <summary>
/// A line of the follow-up list: case code, partner (and its phone, for the desk's call), the counsellor who made the
/// referral, state and dates; no notes, no identity.
/// </summary>
public sealed record ReferralListItemDto(
    Guid Id, Guid CaseId, string CaseCode, Guid PartnerId, string Partner, string? PartnerPhone, string Counsellor, string Status,
    string FollowUpOn, string CreatedAt, string UpdatedAt);

/// <summary>Filters of the follow-up list; <paramref name="OpenOnly"/> leaves out declined, completed and withdrawn referrals.</summary>
public sealed record ReferralFilter(string? Status, LocalDate? DueFrom, LocalDate? DueTo, Guid? CaseId, bool OpenOnly);

public interface IReferralRepository
{
    Task AddAsync(StoredReferral referral, CancellationToken cancellationToken);

    Task<StoredReferral?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task UpdateAsync(Referral referral, byte[]? sealedAnswer, CancellationToken cancellationToken);

    /// <summary>By state, case and follow-up date (inclusive bounds), by follow-up date.</summary>
    Task<IReadOnlyList<ReferralListItemDto>> ListAsync(ReferralFilter filter, CancellationToken cancellationToken);
}
