using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Partners;

public sealed record GetPartner(Guid Id) : IRequest<PartnerDto>;

public sealed class GetPartnerHandler(IPartnerRepository partners) : IRequestHandler<GetPartner, PartnerDto>
{
    public async Task<PartnerDto> Handle(GetPartner request, CancellationToken cancellationToken) =>
        await partners.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Partner not found.");
}
