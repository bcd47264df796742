using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Partners;

public sealed record PartnerDto(
    Guid Id, string Name, string Kind, IReadOnlyList<string> Topics, string? ContactPerson, string? Email, string? Phone, string? Address,
    bool TakesReferrals, bool Retired);

public interface IPartnerRepository
{
    /// <summary>Partners that are not retired; with a topic, only those taking referrals for it.</summary>
    Task<IReadOnlyList<PartnerDto>> ListAsync(string? topic, CancellationToken cancellationToken);

    Task<PartnerDto?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the partner and its topics; a name used by another partner is a conflict.</summary>
    Task SaveAsync(PartnerDto partner, CancellationToken cancellationToken);
}

public static class PartnerKinds
{
    public static readonly IReadOnlyList<string> All =
        ["public-office", "welfare-association", "round-table", "family-centre", "religious-community", "institute", "association", "school", "business"];
}

/// <summary>The directory: all current partners, or those taking referrals for a topic.</summary>
public sealed record ListPartners(string? Topic) : IRequest<IReadOnlyList<PartnerDto>>;

public sealed class ListPartnersValidator : AbstractValidator<ListPartners>
{
    public ListPartnersValidator(IReferenceData referenceData) => RuleFor(p => p.Topic).Topic(referenceData);
}

public sealed class ListPartnersHandler(IPartnerRepository partners) : IRequestHandler<ListPartners, IReadOnlyList<PartnerDto>>
{
    public Task<IReadOnlyList<PartnerDto>> Handle(ListPartners request, CancellationToken cancellationToken) =>
        partners.ListAsync(request.Topic, cancellationToken);
}

public sealed record GetPartner(Guid Id) : IRequest<PartnerDto>;

public sealed class GetPartnerHandler(IPartnerRepository partners) : IRequestHandler<GetPartner, PartnerDto>
{
    public async Task<PartnerDto> Handle(GetPartner request, CancellationToken cancellationToken) =>
        await partners.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Partner not found.");
}

/// <summary>Partners that take referrals for any of the case's topics, the best match first (case counsellors only).</summary>
public sealed record SuggestPartners(Guid CaseId) : IRequest<IReadOnlyList<PartnerDto>>;

public sealed class SuggestPartnersHandler(CaseAccess access, IPartnerRepository partners) : IRequestHandler<SuggestPartners, IReadOnlyList<PartnerDto>>
{
    public async Task<IReadOnlyList<PartnerDto>> Handle(SuggestPartners request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        var all = await partners.ListAsync(null, cancellationToken);
        return all.Where(p => p.TakesReferrals)
            .Select(p => (Partner: p, Matches: p.Topics.Intersect(@case.Topics).Count()))
            .Where(p => p.Matches > 0)
            .OrderByDescending(p => p.Matches).ThenBy(p => p.Partner.Name, StringComparer.Ordinal)
            .Select(p => p.Partner)
            .ToList();
    }
}

/// <summary>An admin adds a partner or changes one (id given); retiring keeps its referrals but takes it out of the directory.</summary>
public sealed record SavePartner(
    Guid? Id, string? Name, string? Kind, IReadOnlyList<string>? Topics, string? ContactPerson, string? Email, string? Phone, string? Address,
    bool TakesReferrals = true, bool Retired = false) : ICommand<PartnerDto>;

public sealed class SavePartnerValidator : AbstractValidator<SavePartner>
{
    public SavePartnerValidator(IReferenceData referenceData)
    {
        RuleFor(p => p.Name).Name(200);
        RuleFor(p => p.Kind).NotEmpty().Must(k => PartnerKinds.All.Contains(k!))
            .WithMessage($"'kind' is one of: {string.Join(", ", PartnerKinds.All)}.");
        RuleFor(p => p.Topics).NotNull().Must(t => t!.Count <= 12).WithMessage("At most 12 topics.");
        RuleForEach(p => p.Topics).NotEmpty().Topic(referenceData);
        RuleFor(p => p.ContactPerson).SingleLine(200);
        RuleFor(p => p.Email).Email();
        RuleFor(p => p.Phone).Phone();
        RuleFor(p => p.Address).SingleLine(300);
    }
}

public sealed class SavePartnerHandler(IPartnerRepository partners, IAuditTrail audit) : IRequestHandler<SavePartner, PartnerDto>
{
    public async Task<PartnerDto> Handle(SavePartner request, CancellationToken cancellationToken)
    {
        if (request.Id is { } existing && await partners.GetAsync(existing, cancellationToken) is null)
        {
            throw new NotFoundException("Partner not found.");
        }

        var partner = new PartnerDto(request.Id ?? Guid.CreateVersion7(), request.Name!.Trim(), request.Kind!,
            request.Topics!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), request.ContactPerson, request.Email,
            request.Phone, request.Address, request.TakesReferrals, request.Retired);
        await partners.SaveAsync(partner, cancellationToken);
        await audit.RecordAsync(new AuditEvent(request.Id is null ? "partner.create" : "partner.update", "partner", partner.Id.ToString(),
            partner.Retired ? "success: retired" : AuditOutcomes.Success), cancellationToken);
        return partner;
    }
}
