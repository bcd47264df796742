using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Partners;

/// <summary>
/// An admin adds a partner or changes one (id given); retiring keeps its referrals but takes it out of the directory.
/// Empty contact fields are stored as missing.
/// </summary>
public sealed record SavePartner(
    Guid? Id, string? Name, string? Kind, IReadOnlyList<string>? Topics, string? ContactPerson, string? Email, string? Phone,
    string? Street, string? PostcodeAndCity, bool TakesReferrals = true, bool Retired = false) : ICommand<PartnerDto>;

public sealed class SavePartnerValidator : AbstractValidator<SavePartner>
{
    public SavePartnerValidator(IReferenceData referenceData)
    {
        RuleFor(p => p.Name).Name(PartnerLimits.Name);
        RuleFor(p => p.Kind).NotEmpty().Must(k => PartnerKinds.All.Contains(k!))
            .WithMessage($"'kind' is one of: {string.Join(", ", PartnerKinds.All)}.");
        RuleFor(p => p.Topics).NotNull().Must(t => t!.Count <= PartnerLimits.Topics).WithMessage($"At most {PartnerLimits.Topics} topics.");
        RuleForEach(p => p.Topics).NotEmpty().Topic(referenceData);
        RuleFor(p => p.ContactPerson).SingleLine(PartnerLimits.ContactPerson);
        RuleFor(p => p.Email).SingleLine(PartnerLimits.Email).Email();
        RuleFor(p => p.Phone).Phone();
        RuleFor(p => p.Street).SingleLine(PartnerLimits.Street);
        RuleFor(p => p.PostcodeAndCity).SingleLine(PartnerLimits.PostcodeAndCity);
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
            request.Topics!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), Optional(request.ContactPerson),
            Optional(request.Email), Optional(request.Phone), Optional(request.Street), Optional(request.PostcodeAndCity),
            request.TakesReferrals, request.Retired);
        await partners.SaveAsync(partner, cancellationToken);
        await audit.RecordAsync(new AuditEvent(request.Id is null ? "partner.create" : "partner.update", "partner", partner.Id.ToString(),
            partner.Retired ? "success: retired" : AuditOutcomes.Success), cancellationToken);
        return partner;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
