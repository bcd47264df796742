using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Privacy;

/// <summary>
/// What the DPO needs to know about a case before answering a request: its state, whether its data is erased, the
/// legal hold (with the DPO's own reason) and how many referrals are still open. Nothing about the client.
/// </summary>
public sealed record GetPrivacyCase(string? CaseCode) : IRequest<PrivacyCaseDto>;

public sealed record PrivacyCaseDto(
    string CaseCode, string Status, bool Erased, string? LegalHoldReason, int OpenReferrals, string? LegalHoldLiftedReason)
{
    /// <summary>Why an erasure would be refused now (<see cref="ErasureRefusals"/>), or null.</summary>
    public string? ErasureRefusal => ErasureRefusals.For(Erased, LegalHoldReason is not null, OpenReferrals);
}

public sealed class GetPrivacyCaseValidator : AbstractValidator<GetPrivacyCase>
{
    public GetPrivacyCaseValidator() => RuleFor(e => e.CaseCode).NotEmpty().Matches(@"^F-\d{4}-\d{4,}$").WithMessage("'caseCode' looks like F-2026-0042.");
}

public sealed class GetPrivacyCaseHandler(IPrivacyRepository privacy) : IRequestHandler<GetPrivacyCase, PrivacyCaseDto>
{
    public async Task<PrivacyCaseDto> Handle(GetPrivacyCase request, CancellationToken cancellationToken)
    {
        var found = await privacy.FindCaseAsync(request.CaseCode!, cancellationToken) ?? throw new NotFoundException("No case with this code.");
        return new PrivacyCaseDto(found.Code, found.Status, found.Erased, found.LegalHoldReason, found.OpenReferrals, found.LegalHoldLiftedReason);
    }
}
