using NodaTime;

namespace Ditib.Beratung.Application.Privacy;

/// <summary>What a case's erasure removed: the data keys to shred once the rows that named them are gone.</summary>
public sealed record ErasedCase(Guid CaseId, string Code, IReadOnlyList<Guid> DataKeys);

public sealed record CaseRecordForPrivacy(
    Guid Id, string Code, string Status, bool Erased, string? LegalHoldReason, int OpenReferrals, string? LegalHoldLiftedReason = null);

public interface IPrivacyRepository
{
    /// <summary>Bookings whose appointment ended before the cut-off, that still hold personal data and did not become a case.</summary>
    Task<IReadOnlyList<(Guid Id, string Reference)>> BookingsDueAsync(Instant endedBefore, CancellationToken cancellationToken);

    /// <summary>Removes a booking's sealed personal data and its stored idempotency answers; returns the data keys to shred.</summary>
    Task<IReadOnlyList<Guid>> EraseBookingAsync(Guid bookingId, CancellationToken cancellationToken);

    /// <summary>Closed cases, not erased, not on legal hold, closed before the date.</summary>
    Task<IReadOnlyList<(Guid Id, string Code)>> CasesDueAsync(LocalDate closedBefore, CancellationToken cancellationToken);

    Task<CaseRecordForPrivacy?> FindCaseAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Leaves a tombstone: deletes identity, notes and shares, empties the referrals' sealed texts (partner, dates and
    /// state stay), removes the personal data and stored idempotency answers of the booking it came from, and marks the
    /// case erased.
    /// </summary>
    Task<ErasedCase> EraseCaseAsync(Guid caseId, LocalDate today, CancellationToken cancellationToken);

    Task SetLegalHoldAsync(Guid caseId, string reason, CancellationToken cancellationToken);

    /// <summary>Lifts the hold, keeping why (sealed) until the next hold is set.</summary>
    Task LiftLegalHoldAsync(Guid caseId, string reason, CancellationToken cancellationToken);

    /// <summary>Idempotency answers older than the cut-off (they hold manage tokens); deleted, their keys returned.</summary>
    Task<IReadOnlyList<Guid>> DeleteIdempotencyKeysAsync(Instant createdBefore, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>Retention settings (<c>Beratung:Retention</c>).</summary>
public sealed record RetentionSettings(bool Enabled, Duration BookingContact, int ClosedCaseYears, Duration IdempotencyKeys, Duration Interval);
