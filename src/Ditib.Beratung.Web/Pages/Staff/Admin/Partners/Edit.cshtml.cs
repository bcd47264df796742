using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Partners;

/// <summary>
/// A partner's page (admin): <c>/staff/admin/partners/new</c> adds one, <c>/staff/admin/partners/{id}</c> changes one —
/// name, kind, topics, postal address, phone, e-mail, contact person, takes referrals, retired — with
/// <see cref="SavePartner"/>, the request of <c>POST</c>/<c>PUT /api/v1/partners</c>.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(IMediator mediator, ReferenceNames names, IStringLocalizer<PartnerTexts> texts) : PageModel
{
    public const string New = "new";

    /// <summary>Field ids by the request's property names (every property <see cref="SavePartnerValidator"/> checks), with the text of each one's rule.</summary>
    private static readonly Dictionary<string, (string Field, string Key, int Limit)> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = ("partner-name", "Partners_Error_Name", PartnerLimits.Name),
        ["Kind"] = ("partner-kind", "Partners_Error_Kind", 0),
        ["Topics"] = ("partner-topics", "Partners_Error_Topics", PartnerLimits.Topics),
        ["ContactPerson"] = ("partner-contact-person", "Partners_Error_ContactPerson", PartnerLimits.ContactPerson),
        ["Street"] = ("partner-street", "Partners_Error_Street", PartnerLimits.Street),
        ["PostcodeAndCity"] = ("partner-postcode-city", "Partners_Error_PostcodeAndCity", PartnerLimits.PostcodeAndCity),
        ["Phone"] = ("partner-phone", "Partners_Error_Phone", 0),
        ["Email"] = ("partner-email", "Partners_Error_Email", 0),
    };

    [BindProperty]
    public PartnerForm Form { get; set; } = new() { TakesReferrals = true };

    public Guid? Id { get; private set; }

    public string? StoredName { get; private set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<ReferenceItemDto> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Id is { } existing)
        {
            Form = PartnerForm.From(await mediator.Send(new GetPartner(existing), cancellationToken));
        }

        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        int status;
        try
        {
            var saved = await mediator.Send(Form.ToCommand(Id), cancellationToken);
            return this.SeeOther($"/staff/admin/partners?saved={saved.Id}");
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                Errors.Add(Fields.TryGetValue(failure.PropertyName.Split('[', '.')[0], out var rule)
                    ? (rule.Field, texts[rule.Key, rule.Limit])
                    : (null, texts["Partners_Errors_Title"]));
            }

            status = StatusCodes.Status400BadRequest;
        }
        catch (ConflictException)
        {
            Errors.Add("partner-name", texts["Partners_Error_NameTaken"]);
            status = StatusCodes.Status409Conflict;
        }

        return await ShowAsync(status, cancellationToken);
    }

    /// <summary>"new", or the id of a partner that exists.</summary>
    private async Task<bool> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (id == New)
        {
            return true;
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return false;
        }

        try
        {
            StoredName = (await mediator.Send(new GetPartner(guid), cancellationToken)).Name;
            Id = guid;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Topics = await names.TopicsAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
