using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Partners;

/// <summary>Partner (admin): the directory with the retired partners apart, each linked to its edit page (<see cref="ListPartners"/>).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator, ReferenceNames names) : PageModel
{
    public IReadOnlyList<PartnerDto> Current { get; private set; } = [];

    public IReadOnlyList<PartnerDto> Retired { get; private set; } = [];

    public PartnerDto? Saved { get; private set; }

    /// <summary>Topic names in the page's language, by code.</summary>
    public IReadOnlyDictionary<string, string> Topics { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(Guid? saved, CancellationToken cancellationToken)
    {
        var all = await mediator.Send(new ListPartners(null, IncludeRetired: true), cancellationToken);
        Current = all.Where(p => !p.Retired).ToList();
        Retired = all.Where(p => p.Retired).ToList();
        Saved = all.FirstOrDefault(p => p.Id == saved);
        Topics = (await names.TopicsAsync(cancellationToken)).ToDictionary(t => t.Code, ReferenceNames.Name);
        return Page();
    }
}
