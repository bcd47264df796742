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

/// <summary><paramref name="RefusalCode"/> says why it was refused (<see cref="ErasureRefusals"/>), for pages that explain it in their language.</summary>
public sealed record ErasureResult(string CaseCode, bool Erased, string? Refusal, string? RefusalCode = null);

/// <summary>The reasons an erasure request is refused: data already erased, a legal hold, a referral still open.</summary>
public static class ErasureRefusals
{
    public const string AlreadyErased = "already-erased", LegalHold = "legal-hold", OpenReferral = "open-referral";

    /// <summary>The first reason that applies, or null when the case may be erased now.</summary>
    public static string? For(bool erased, bool legalHold, int openReferrals) =>
        erased ? AlreadyErased : legalHold ? LegalHold : openReferrals > 0 ? OpenReferral : null;
}

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
        var code = ErasureRefusals.For(found.Erased, found.LegalHoldReason is not null, found.OpenReferrals);
        if (code is not null)
        {
            var refusal = code switch
            {
                ErasureRefusals.AlreadyErased => "The case's data has already been erased.",
                ErasureRefusals.LegalHold => $"A legal hold is set on the case: {found.LegalHoldReason}",
                _ => "A referral of the case is still open; withdraw or complete it first.",
            };
            await audit.RecordAsync(new AuditEvent("privacy.erasure", "case", found.Id.ToString(), "refused"), cancellationToken);
            return new ErasureResult(found.Code, false, refusal, code);
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

/// <summary>
/// The DPO sets or lifts a legal hold, each with a reason; while it is set, neither retention nor a request erases the case.
/// </summary>
public sealed record SetLegalHold(string? CaseCode, bool Hold, string? Reason) : ICommand<ErasureResult>;

public sealed class SetLegalHoldValidator : AbstractValidator<SetLegalHold>
{
    public SetLegalHoldValidator()
    {
        RuleFor(h => h.CaseCode).NotEmpty().Matches(@"^F-\d{4}-\d{4,}$").WithMessage("'caseCode' looks like F-2026-0042.");
        RuleFor(h => h.Reason).NotEmpty().SingleLine(300);
    }
}

public sealed class SetLegalHoldHandler(IPrivacyRepository privacy, IAuditTrail audit) : IRequestHandler<SetLegalHold, ErasureResult>
{
    public async Task<ErasureResult> Handle(SetLegalHold request, CancellationToken cancellationToken)
    {
        var found = await privacy.FindCaseAsync(request.CaseCode!, cancellationToken) ?? throw new NotFoundException("No case with this code.");
        var reason = request.Reason!.Trim();
        await (request.Hold ? privacy.SetLegalHoldAsync(found.Id, reason, cancellationToken) : privacy.LiftLegalHoldAsync(found.Id, reason, cancellationToken));
        await audit.RecordAsync(new AuditEvent(request.Hold ? "privacy.legal-hold" : "privacy.legal-hold-lifted", "case", found.Id.ToString()),
            cancellationToken);
        return new ErasureResult(found.Code, false, request.Hold ? "Legal hold set." : null);
    }
}
