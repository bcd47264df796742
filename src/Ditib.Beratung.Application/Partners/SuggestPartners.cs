using Ditib.Beratung.Application.Cases;
using MediatR;

namespace Ditib.Beratung.Application.Partners;

/// <summary>Partners that take referrals for any of the case's topics, the best match first (case counsellors only).</summary>
public sealed record SuggestPartners(Guid CaseId) : IRequest<IReadOnlyList<PartnerDto>>;

public sealed class SuggestPartnersHandler(CaseAccess access, IPartnerRepository partners) : IRequestHandler<SuggestPartners, IReadOnlyList<PartnerDto>>
{
    public async Task<IReadOnlyList<PartnerDto>> Handle(SuggestPartners request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        var all = await partners.ListAsync(null, includeRetired: false, cancellationToken);
        return all.Where(p => p.TakesReferrals)
            .Select(p => (Partner: p, Matches: p.Topics.Intersect(@case.Topics).Count()))
            .Where(p => p.Matches > 0)
            .OrderByDescending(p => p.Matches).ThenBy(p => p.Partner.Name, StringComparer.Ordinal)
            .Select(p => p.Partner)
            .ToList();
    }
}
