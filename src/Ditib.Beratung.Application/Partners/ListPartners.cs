using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Partners;

/// <summary>The directory: all current partners, or those taking referrals for a topic; the admin's list adds the retired ones.</summary>
public sealed record ListPartners(string? Topic, bool IncludeRetired = false) : IRequest<IReadOnlyList<PartnerDto>>;

public sealed class ListPartnersValidator : AbstractValidator<ListPartners>
{
    public ListPartnersValidator(IReferenceData referenceData) => RuleFor(p => p.Topic).Topic(referenceData);
}

public sealed class ListPartnersHandler(IPartnerRepository partners) : IRequestHandler<ListPartners, IReadOnlyList<PartnerDto>>
{
    public Task<IReadOnlyList<PartnerDto>> Handle(ListPartners request, CancellationToken cancellationToken) =>
        partners.ListAsync(request.Topic, request.IncludeRetired, cancellationToken);
}
