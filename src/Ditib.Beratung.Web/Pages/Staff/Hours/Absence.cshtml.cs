using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Pages.Staff.Absence;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Hours;

/// <summary>A counsellor records her own absence (illness, leave): the days and a reason; preview; confirm.</summary>
[Authorize(Roles = Roles.Counsellor)]
public sealed class AbsenceModel(IMediator mediator, ReferenceNames names, IClock clock, CentreSettings settings, IStringLocalizer<HoursTexts> texts)
    : AbsencePageModel(mediator, names, clock, settings, texts)
{
    public CounsellorDto? Counsellor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindCounsellorAsync(cancellationToken) is null ? Page() : await ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostPreviewAsync(string? from, string? to, string? reason, CancellationToken cancellationToken) =>
        SendAsync(from, to, reason, dryRun: true, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string? from, string? to, string? reason, CancellationToken cancellationToken) =>
        SendAsync(from, to, reason, dryRun: false, cancellationToken);

    private async Task<IActionResult> SendAsync(string? from, string? to, string? reason, bool dryRun, CancellationToken cancellationToken)
    {
        (From, To, Reason) = (from, to, reason);
        return await FindCounsellorAsync(cancellationToken) is { } counsellor ? await RunAsync(counsellor.Id, dryRun, cancellationToken) : Page();
    }

    private async Task<CounsellorDto?> FindCounsellorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Counsellor = await Mediator.Send(new GetOwnCounsellor(), cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
