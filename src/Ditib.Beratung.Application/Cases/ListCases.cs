using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Cases;

/// <summary>The counsellor's own and shared cases, filtered by status, topic or ownership, or found by their code.</summary>
public sealed record ListCases(string? Status, string? Topic, bool? Own, string? Code = null) : IRequest<IReadOnlyList<CaseSummaryDto>>;

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator(IReferenceData referenceData)
    {
        RuleFor(c => c.Status).Must(s => s is null or "open" or "closed").WithMessage("'status' is open or closed.");
        RuleFor(c => c.Topic).Topic(referenceData);
        RuleFor(c => c.Code).Must(CaseCodes.IsCode).When(c => c.Code is not null)
            .WithMessage("'code' is a case code such as F-2026-0042.");
    }
}

public sealed class ListCasesHandler(CaseAccess access, ICaseRepository cases) : IRequestHandler<ListCases, IReadOnlyList<CaseSummaryDto>>
{
    public async Task<IReadOnlyList<CaseSummaryDto>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var counsellor = await access.CurrentCounsellorAsync(cancellationToken);
        return await cases.ListAsync(
            new CaseFilter(counsellor.Id, request.Status, request.Topic, request.Own, Code: CaseCodes.Normalise(request.Code)), cancellationToken);
    }
}
