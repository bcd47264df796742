using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Privacy;

/// <summary>
/// Deletes what the centre no longer needs: booking contact data and concerns a set time after the appointment
/// (unless the booking became a case), closed cases a set time after closing (crypto-shredded, a tombstone stays),
/// and old idempotency answers. With <see cref="DryRun"/> it only reports what it would do. A run that erases goes one
/// at a time across every instance, however it was started (<see cref="ISingleRun"/>); a dry run needs no turn.
/// </summary>
public sealed record RunRetention(bool DryRun) : ICommand<RetentionReport>, ISingleRun
{
    /// <summary>The name of retention's turn (<see cref="ISingleRunLocks"/>).</summary>
    public const string Run = "retention";

    public string? SingleRun => DryRun ? null : Run;
}

public sealed record RetentionReport(bool DryRun, int Bookings, IReadOnlyList<string> BookingReferences, IReadOnlyList<string> Cases, int IdempotencyKeys);

public sealed class RunRetentionHandler(
    IPrivacyRepository privacy, IEnvelopeCipher cipher, IAuditTrail audit, RetentionSettings settings, CentreSettings centre, IClock clock)
    : IRequestHandler<RunRetention, RetentionReport>
{
    public async Task<RetentionReport> Handle(RunRetention request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = now.InZone(centre.Zone).Date;
        var bookings = await privacy.BookingsDueAsync(now - settings.BookingContact, cancellationToken);
        var cases = await privacy.CasesDueAsync(today.PlusYears(-settings.ClosedCaseYears), cancellationToken);
        var idempotency = await privacy.DeleteIdempotencyKeysAsync(now - settings.IdempotencyKeys, request.DryRun, cancellationToken);
        var report = new RetentionReport(request.DryRun, bookings.Count, bookings.Select(b => b.Reference).ToList(), cases.Select(c => c.Code).ToList(),
            idempotency.Count);
        if (request.DryRun)
        {
            return report;
        }

        var keys = new List<Guid>(idempotency);
        foreach (var (booking, _) in bookings)
        {
            keys.AddRange(await privacy.EraseBookingAsync(booking, cancellationToken));
        }

        foreach (var (id, _) in cases)
        {
            keys.AddRange((await privacy.EraseCaseAsync(id, today, cancellationToken)).DataKeys);
        }

        foreach (var key in keys)
        {
            await cipher.ShredAsync(key, cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent("privacy.retention", "retention", null,
            $"success: {bookings.Count} booking(s), {cases.Count} case(s), {idempotency.Count} idempotency answer(s)"), cancellationToken);
        return report;
    }
}
