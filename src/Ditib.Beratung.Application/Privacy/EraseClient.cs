using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Privacy;

/// <summary>
/// The DPO's answer to an erasure request (GDPR Art. 17) for the client of a case: erase now, or refuse with a reason
/// while a legal hold is set or a referral is still open. Refusals are answers, not exceptions, so that they are
/// audited too; the audit trail keeps that an erasure happened, not what was erased.
/// </summary>
public sealed record EraseClient(string? CaseCode) : ICommand<ErasureResult>;

public sealed record ErasureResult(string CaseCode, bool Erased, string? Refusal);

public sealed class EraseClientValidator : AbstractValidator<EraseClient>
{
    public EraseClientValidator() => RuleFor(e => e.CaseCode).NotEmpty().Matches(@"^F-\d{4}-\d{4,}$").WithMessage("'caseCode' looks like F-2026-0042.");
}

public sealed class EraseClientHandler(IPrivacyRepository privacy, IEnvelopeCipher cipher, IAuditTrail audit, CentreSettings centre, IClock clock)
    : IRequestHandler<EraseClient, ErasureResult>
{
    public async Task<ErasureResult> Handle(EraseClient request, CancellationToken cancellationToken)
    {
        var found = await privacy.FindCaseAsync(request.CaseCode!, cancellationToken) ?? throw new NotFoundException("No case with this code.");
        var refusal = found switch
        {
            { Erased: true } => "The case's data has already been erased.",
            { LegalHoldReason: { } reason } => $"A legal hold is set on the case: {reason}",
            { OpenReferrals: > 0 } => "A referral of the case is still open; withdraw or complete it first.",
            _ => null,
        };
        if (refusal is not null)
        {
            await audit.RecordAsync(new AuditEvent("privacy.erasure", "case", found.Id.ToString(), "refused"), cancellationToken);
            return new ErasureResult(found.Code, false, refusal);
        }

        var erased = await privacy.EraseCaseAsync(found.Id, clock.GetCurrentInstant().InZone(centre.Zone).Date, cancellationToken);
        foreach (var key in erased.DataKeys)
        {
            await cipher.ShredAsync(key, cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent("privacy.erasure", "case", found.Id.ToString()), cancellationToken);
        return new ErasureResult(found.Code, true, null);
    }
}

/// <summary>The DPO sets or lifts a legal hold; while it is set, neither retention nor a request erases the case.</summary>
public sealed record SetLegalHold(string? CaseCode, bool Hold, string? Reason) : ICommand<ErasureResult>;

public sealed class SetLegalHoldValidator : AbstractValidator<SetLegalHold>
{
    public SetLegalHoldValidator()
    {
        RuleFor(h => h.CaseCode).NotEmpty().Matches(@"^F-\d{4}-\d{4,}$").WithMessage("'caseCode' looks like F-2026-0042.");
        RuleFor(h => h.Reason).NotEmpty().SingleLine(300).When(h => h.Hold);
    }
}

public sealed class SetLegalHoldHandler(IPrivacyRepository privacy, IAuditTrail audit) : IRequestHandler<SetLegalHold, ErasureResult>
{
    public async Task<ErasureResult> Handle(SetLegalHold request, CancellationToken cancellationToken)
    {
        var found = await privacy.FindCaseAsync(request.CaseCode!, cancellationToken) ?? throw new NotFoundException("No case with this code.");
        await privacy.SetLegalHoldAsync(found.Id, request.Hold ? request.Reason!.Trim() : null, cancellationToken);
        await audit.RecordAsync(new AuditEvent(request.Hold ? "privacy.legal-hold" : "privacy.legal-hold-lifted", "case", found.Id.ToString()),
            cancellationToken);
        return new ErasureResult(found.Code, false, request.Hold ? "Legal hold set." : null);
    }
}
