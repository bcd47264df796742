using System.Text;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Referrals;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Referrals;

/// <summary>
/// One step of a referral. Sending and withdrawing are for the case's counsellors; recording the partner's answer
/// (accept, decline with a reason) and the outcome (complete) is for staff. A step the state does not allow is a 409
/// naming the state, and changes nothing.
/// </summary>
public sealed record TakeReferralStep(Guid Id, ReferralAction Action, string? Text) : ICommand<ReferralListItemDto>;

public sealed class TakeReferralStepValidator : AbstractValidator<TakeReferralStep>
{
    public TakeReferralStepValidator()
    {
        RuleFor(s => s.Text).NotEmpty().When(s => s.Action is ReferralAction.Decline or ReferralAction.Complete)
            .WithName("reason").WithMessage("A decline needs the partner's reason, a completion its outcome.");
        // A decline's reason is one line; a completion's outcome may span lines.
        RuleFor(s => s.Text).SingleLine(1000).WithName("reason").When(s => s.Action is not ReferralAction.Complete);
        RuleFor(s => s.Text).PlainText(1000).WithName("reason").When(s => s.Action is ReferralAction.Complete);
    }
}

public sealed class TakeReferralStepHandler(
    CaseAccess access, IReferralRepository referrals, ICaseRepository cases, IEnvelopeCipher cipher, IAuditTrail audit)
    : IRequestHandler<TakeReferralStep, ReferralListItemDto>
{
    public async Task<ReferralListItemDto> Handle(TakeReferralStep request, CancellationToken cancellationToken)
    {
        var stored = await referrals.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Referral not found.");
        var @case = request.Action is ReferralAction.Send or ReferralAction.Withdraw
            ? (await access.OpenReadableAsync(stored.Referral.CaseId, cancellationToken)).Case
            : (await cases.GetAsync(stored.Referral.CaseId, cancellationToken))!;

        stored.Referral.Apply(request.Action);
        var answer = request.Text is { Length: > 0 } text
            ? await cipher.EncryptAsync(@case.DataKeyId, Encoding.UTF8.GetBytes(text.Trim()),
                ReferralDetails.Context(@case.Id, stored.Referral.Id, "answer"), cancellationToken)
            : null;
        await referrals.UpdateAsync(stored.Referral, answer, cancellationToken);
        await audit.RecordAsync(new AuditEvent($"referral.{request.Action.ToString().ToLowerInvariant()}", "referral", stored.Referral.Id.ToString()),
            cancellationToken);
        return (await referrals.ListAsync(new ReferralFilter(null, null, null, @case.Id, OpenOnly: false), cancellationToken)).Single(r => r.Id == stored.Referral.Id);
    }
}

/// <summary>The staff's follow-up list: by state and by follow-up date (overdue, today, this week).</summary>
public sealed record ListReferrals(string? Status, string? Due) : IRequest<IReadOnlyList<ReferralListItemDto>>;

public sealed class ListReferralsValidator : AbstractValidator<ListReferrals>
{
    public ListReferralsValidator()
    {
        RuleFor(r => r.Status).Must(s => s is null || ReferralCodes.TryParseStatus(s, out _))
            .WithMessage("'status' is one of: draft, sent, accepted, declined, completed, withdrawn.");
        RuleFor(r => r.Due).Must(d => d is null or "overdue" or "today" or "week").WithMessage("'due' is overdue, today or week.");
    }
}

public sealed class ListReferralsHandler(IReferralRepository referrals, CentreSettings settings, IClock clock)
    : IRequestHandler<ListReferrals, IReadOnlyList<ReferralListItemDto>>
{
    public Task<IReadOnlyList<ReferralListItemDto>> Handle(ListReferrals request, CancellationToken cancellationToken)
    {
        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        var (from, to) = request.Due switch
        {
            "overdue" => ((LocalDate?)null, (LocalDate?)today.PlusDays(-1)),
            "today" => (today, today),
            "week" => (today, today.PlusDays(6)),
            _ => (null, null),
        };
        return referrals.ListAsync(new ReferralFilter(request.Status?.ToLowerInvariant(), from, to, null, OpenOnly: request.Due is not null),
            cancellationToken);
    }
}

/// <summary>The referrals of one case, for its counsellors.</summary>
public sealed record ListCaseReferrals(Guid CaseId) : IRequest<IReadOnlyList<ReferralListItemDto>>;

public sealed class ListCaseReferralsHandler(CaseAccess access, IReferralRepository referrals)
    : IRequestHandler<ListCaseReferrals, IReadOnlyList<ReferralListItemDto>>
{
    public async Task<IReadOnlyList<ReferralListItemDto>> Handle(ListCaseReferrals request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        return await referrals.ListAsync(new ReferralFilter(null, null, null, @case.Id, OpenOnly: false), cancellationToken);
    }
}
