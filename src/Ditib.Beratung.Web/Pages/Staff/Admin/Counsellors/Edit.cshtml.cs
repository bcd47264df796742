using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Counsellors;

/// <summary>Changes a counsellor profile (the API's <see cref="UpdateCounsellor"/>).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(IMediator mediator, ReferenceNames names, IStringLocalizer<AdminTexts> texts)
    : CounsellorFormModel(mediator, names, texts)
{
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } counsellor)
        {
            return NotFound();
        }

        (DisplayName, Languages, Topics, Active, Saved) = (counsellor.DisplayName, counsellor.Languages.ToList(), counsellor.Topics.ToList(),
            counsellor.Active, saved);
        await LoadChoicesAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } counsellor)
        {
            return NotFound();
        }

        return await SaveAsync(id, () => Mediator.Send(new UpdateCounsellor(id, DisplayName, Languages, Topics, Active,
            counsellor.UserId ?? UserId), cancellationToken), cancellationToken);
    }

    private async Task<CounsellorDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var counsellor = await Mediator.Send(new GetCounsellor(id), cancellationToken);
            LinkedUserId = counsellor.UserId;
            return counsellor;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
