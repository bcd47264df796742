using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>One row of the related persons; a row without a name is left out.</summary>
public sealed class RelatedPersonRow
{
    public string? Relation { get; set; }

    public string? Name { get; set; }

    public string? DateOfBirth { get; set; }
}

/// <summary>The identity form as it was sent, so that an error shows it again unchanged.</summary>
public sealed class ClientForm
{
    /// <summary>Empty rows offered below the recorded related persons.</summary>
    public const int EmptyRows = 3;

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public List<RelatedPersonRow> Related { get; set; } = [];

    public static ClientForm From(ClientIdentity identity) => new()
    {
        Name = identity.Name, Phone = identity.Phone, Email = identity.Email, DateOfBirth = identity.DateOfBirth, Address = identity.Address,
        Related = identity.RelatedPersons.Select(p => new RelatedPersonRow { Relation = p.Relation, Name = p.Name, DateOfBirth = p.DateOfBirth }).ToList(),
    };

    /// <summary>The rows with a name first (in the order sent, so that an error's index names its row), then empty rows.</summary>
    public void Compact() =>
        Related = [.. Related.Where(r => !string.IsNullOrWhiteSpace(r.Name)), .. Enumerable.Range(0, EmptyRows).Select(_ => new RelatedPersonRow())];

    public UpdateClient ToCommand(Guid caseId) => new(
        Name, Empty(Phone), Empty(Email), Empty(DateOfBirth), Empty(Address),
        Related.Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => new RelatedPersonInput(Empty(r.Relation), r.Name, Empty(r.DateOfBirth))).ToList())
    { CaseId = caseId };

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>
/// Angaben zur Person: the counsellor of the case changes the client's identity and the related persons whose names
/// notes are scrubbed of, with the API's <see cref="UpdateClient"/>. It shows the identity (<see cref="RevealClient"/>,
/// audited), so every step wants a fresh second factor.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
[RequireFreshSecondFactor]
public sealed class ClientModel(IMediator mediator, CaseErrors errors) : CasePageModel(mediator, errors)
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        Form = ClientForm.From(await Mediator.Send(new RevealClient(Case.Id), cancellationToken));
        Form.Compact();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        Form.Compact();
        var status = await Errors.TryAsync(() => Mediator.Send(Form.ToCommand(Case.Id), cancellationToken), "CaseError_ClientClosed");
        return status == StatusCodes.Status200OK
            ? this.SeeOther($"{CaseLinks.Case(Case.Code)}?done=client")
            : Show(status);
    }
}
