using MediatR;

namespace Ditib.Beratung.Application.Cases;

/// <summary>One case as its list line (code, topics, status, owner, sharing), for its counsellors; anyone else gets 404.</summary>
public sealed record GetCase(Guid CaseId) : IRequest<CaseSummaryDto>;

public sealed class GetCaseHandler(CaseAccess access, ICaseRepository cases) : IRequestHandler<GetCase, CaseSummaryDto>
{
    public async Task<CaseSummaryDto> Handle(GetCase request, CancellationToken cancellationToken)
    {
        var (@case, counsellor) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        return (await cases.ListAsync(new CaseFilter(counsellor.Id, null, null, null, @case.Id), cancellationToken)).Single();
    }
}
