using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Retention and erasure. A legal hold's reason (it may name the client) is sealed under the case's data key
/// (context <c>case:{id}:legal-hold</c>); a hold is set while <c>legal_hold_sealed</c> (or, before the start-up data
/// step, the old clear <c>legal_hold_reason</c>) holds something. The reason a hold was lifted is sealed the same way
/// (context <c>case:{id}:legal-hold-lifted</c>) and kept until the next hold.
/// </summary>
internal sealed class PrivacyStore(DbSession session, IEnvelopeCipher cipher) : IPrivacyRepository
{
    public async Task<IReadOnlyList<(Guid Id, string Reference)>> BookingsDueAsync(Instant endedBefore, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT b.id, b.reference AS code FROM booking b JOIN slot s ON s.id = b.slot_id
            WHERE b.personal_data IS NOT NULL AND s.end_at < @endedBefore
              AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.booking_id = b.id)
            ORDER BY s.end_at
            """;
        var rows = await session.QueryAsync<CaseRow>(sql, new { endedBefore }, cancellationToken);
        return rows.Select(r => (r.Id, r.Code)).ToList();
    }

    public async Task<IReadOnlyList<Guid>> EraseBookingAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        const string select = "SELECT data_key_id FROM booking WHERE id = @bookingId";
        const string erase = """
            UPDATE booking SET personal_data = NULL, data_key_id = NULL, manage_token_sealed = NULL, status_reason = NULL, status_reason_sealed = NULL
            WHERE id = @bookingId
            """;
        var key = await session.ExecuteScalarAsync<Guid?>(select, new { bookingId }, cancellationToken);
        await session.ExecuteAsync(erase, new { bookingId }, cancellationToken);
        var keys = await ForgetIdempotencyAnswersAsync(bookingId, cancellationToken);
        return key is { } bookingKey ? [bookingKey, .. keys] : keys;
    }

    /// <summary>The stored idempotency answers of a booking (they hold its manage token); their keys are returned for shredding.</summary>
    private async Task<IReadOnlyList<Guid>> ForgetIdempotencyAnswersAsync(Guid? bookingId, CancellationToken cancellationToken)
    {
        // The subject is BookingCreatedDto.SubjectOf(reference).
        const string delete = """
            DELETE FROM idempotency_key WHERE subject = (SELECT 'booking:' || reference FROM booking WHERE id = @bookingId)
            RETURNING data_key_id
            """;
        if (bookingId is null)
        {
            return [];
        }

        return (await session.QueryAsync<Guid>(delete, new { bookingId }, cancellationToken)).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, string Code)>> CasesDueAsync(LocalDate closedBefore, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, code FROM case_file
            WHERE status = 'closed' AND erased_on IS NULL AND legal_hold_reason IS NULL AND legal_hold_sealed IS NULL
              AND closed_on < @closedBefore
            ORDER BY code
            """;
        var rows = await session.QueryAsync<CaseRow>(sql, new { closedBefore }, cancellationToken);
        return rows.Select(r => (r.Id, r.Code)).ToList();
    }

    public async Task<CaseRecordForPrivacy?> FindCaseAsync(string code, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.id, c.code, c.status, c.erased_on IS NOT NULL AS erased, c.legal_hold_reason, c.legal_hold_sealed,
                   c.legal_hold_lifted_sealed, c.data_key_id,
                   (SELECT COUNT(*) FROM referral r WHERE r.case_id = c.id AND r.status IN ('draft', 'sent', 'accepted')) AS open_referrals
            FROM case_file c WHERE c.code = @code
            """;
        var row = await session.QuerySingleOrDefaultAsync<CaseRow>(sql, new { code = code.Trim().ToUpperInvariant() }, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var reason = row is { LegalHoldSealed.Length: > 0, DataKeyId: { } key }
            ? Encoding.UTF8.GetString(await cipher.DecryptAsync(key, row.LegalHoldSealed, HoldContext(row.Id), cancellationToken))
            : row.LegalHoldReason;
        var lifted = row is { LegalHoldLiftedSealed.Length: > 0, DataKeyId: { } liftKey }
            ? Encoding.UTF8.GetString(await cipher.DecryptAsync(liftKey, row.LegalHoldLiftedSealed, LiftContext(row.Id), cancellationToken))
            : null;
        return new CaseRecordForPrivacy(row.Id, row.Code, row.Status, row.Erased, reason, (int)row.OpenReferrals, lifted);
    }

    public async Task<ErasedCase> EraseCaseAsync(Guid caseId, LocalDate today, CancellationToken cancellationToken)
    {
        const string keys = """
            SELECT c.code, c.data_key_id, b.id AS booking_id, b.data_key_id AS booking_key_id
            FROM case_file c LEFT JOIN booking b ON b.id = c.booking_id WHERE c.id = @caseId
            """;
        const string erase = """
            DELETE FROM client WHERE case_id = @caseId;
            DELETE FROM case_note WHERE case_id = @caseId;
            DELETE FROM case_share WHERE case_id = @caseId;
            UPDATE referral SET sealed_details = x'', sealed_answer = NULL WHERE case_id = @caseId;
            UPDATE booking SET personal_data = NULL, data_key_id = NULL, manage_token_sealed = NULL, status_reason = NULL,
                               status_reason_sealed = NULL
            WHERE id = (SELECT booking_id FROM case_file WHERE id = @caseId);
            UPDATE case_file SET erased_on = @today, legal_hold_reason = NULL, legal_hold_sealed = NULL, legal_hold_lifted_sealed = NULL
            WHERE id = @caseId;
            """;
        var found = await session.QuerySingleAsync<KeyRow>(keys, new { caseId }, cancellationToken);
        await session.ExecuteAsync(erase, new { caseId, today }, cancellationToken);
        List<Guid> dataKeys = [found.DataKeyId, .. await ForgetIdempotencyAnswersAsync(found.BookingId, cancellationToken)];
        if (found.BookingKeyId is { } bookingKey)
        {
            dataKeys.Add(bookingKey);
        }

        return new ErasedCase(caseId, found.Code, dataKeys);
    }

    public async Task SetLegalHoldAsync(Guid caseId, string reason, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE case_file SET legal_hold_reason = NULL, legal_hold_sealed = @sealedReason, legal_hold_lifted_sealed = NULL WHERE id = @caseId
            """;
        var sealedReason = await SealAsync(caseId, reason, HoldContext(caseId), cancellationToken);
        await session.ExecuteAsync(sql, new { caseId, sealedReason }, cancellationToken);
    }

    public async Task LiftLegalHoldAsync(Guid caseId, string reason, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE case_file SET legal_hold_reason = NULL, legal_hold_sealed = NULL, legal_hold_lifted_sealed = @sealedReason WHERE id = @caseId
            """;
        var sealedReason = await SealAsync(caseId, reason, LiftContext(caseId), cancellationToken);
        await session.ExecuteAsync(sql, new { caseId, sealedReason }, cancellationToken);
    }

    /// <summary>Start-up data step: seals the hold reasons still stored in clear (from before they were sealed).</summary>
    public async Task SealClearHoldReasonsAsync(CancellationToken cancellationToken)
    {
        const string select = "SELECT id, legal_hold_reason FROM case_file WHERE legal_hold_reason IS NOT NULL";
        await session.BeginAsync(cancellationToken);
        try
        {
            foreach (var row in (await session.QueryAsync<CaseRow>(select, null, cancellationToken)).ToList())
            {
                await SetLegalHoldAsync(row.Id, row.LegalHoldReason!, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }

    private static string HoldContext(Guid caseId) => $"case:{caseId}:legal-hold";

    private static string LiftContext(Guid caseId) => $"case:{caseId}:legal-hold-lifted";

    private async Task<byte[]> SealAsync(Guid caseId, string reason, string context, CancellationToken cancellationToken)
    {
        var dataKeyId = await session.ExecuteScalarAsync<Guid>(
            "SELECT data_key_id FROM case_file WHERE id = @caseId", new { caseId }, cancellationToken);
        return await cipher.EncryptAsync(dataKeyId, Encoding.UTF8.GetBytes(reason), context, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> DeleteIdempotencyKeysAsync(Instant createdBefore, bool dryRun, CancellationToken cancellationToken)
    {
        const string select = "SELECT data_key_id FROM idempotency_key WHERE created_at < @createdBefore";
        const string delete = "DELETE FROM idempotency_key WHERE created_at < @createdBefore";
        var keys = (await session.QueryAsync<Guid>(select, new { createdBefore }, cancellationToken)).ToList();
        if (!dryRun)
        {
            await session.ExecuteAsync(delete, new { createdBefore }, cancellationToken);
        }

        return keys;
    }

    private sealed class CaseRow
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public string Status { get; set; } = "";
        public bool Erased { get; set; }
        public string? LegalHoldReason { get; set; }
        public byte[]? LegalHoldSealed { get; set; }
        public byte[]? LegalHoldLiftedSealed { get; set; }
        public Guid? DataKeyId { get; set; }
        public long OpenReferrals { get; set; }
    }

    private sealed class KeyRow
    {
        public string Code { get; set; } = "";
        public Guid DataKeyId { get; set; }
        public Guid? BookingId { get; set; }
        public Guid? BookingKeyId { get; set; }
    }
}
