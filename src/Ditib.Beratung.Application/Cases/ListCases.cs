using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Cases;

/// <summary>The counsellor's own and shared cases, filtered by status, topic or ownership.</summary>
public sealed record ListCases(string? Status, string? Topic, bool? Own) : IRequest<IReadOnlyList<CaseSummaryDto>>;

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator(IReferenceData referenceData)
    {
        RuleFor(c => c.Status).Must(s => s is null or "open" or "closed").WithMessage("'status' is open or closed.");
        RuleFor(c => c.Topic).Topic(referenceData);
    }
}

public sealed class ListCasesHandler(CaseAccess access, ICaseRepository cases) : IRequestHandler<ListCases, IReadOnlyList<CaseSummaryDto>>
{
    public async Task<IReadOnlyList<CaseSummaryDto>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var counsellor = await access.CurrentCounsellorAsync(cancellationToken);
        return await cases.ListAsync(new CaseFilter(counsellor.Id, request.Status, request.Topic, request.Own), cancellationToken);
    }
}
