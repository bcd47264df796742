using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Counsellors;

/// <summary>A new counsellor profile (the API's <see cref="CreateCounsellor"/>); <c>?userId=</c> preselects the account.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(IMediator mediator, ReferenceNames names, IStringLocalizer<AdminTexts> texts)
    : CounsellorFormModel(mediator, names, texts)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(null, cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SaveAsync(null, () => Mediator.Send(new CreateCounsellor(DisplayName, Languages, Topics, Active, UserId), cancellationToken), cancellationToken);
}
