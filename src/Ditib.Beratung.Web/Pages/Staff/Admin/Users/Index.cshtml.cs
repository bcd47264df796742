using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Users;

/// <summary>Benutzer: every account with its roles and state (the API's <see cref="ListUsers"/>).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator, CentreSettings settings) : PageModel
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    public NodaTime.DateTimeZone Zone => settings.Zone;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await mediator.Send(new ListUsers(), cancellationToken);
}
