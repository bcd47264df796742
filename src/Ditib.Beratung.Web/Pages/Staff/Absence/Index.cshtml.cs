using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Absence;

/// <summary>Ausfall: the desk records a counsellor's absence on her behalf (choose her, the days, a reason; preview; confirm).</summary>
[Authorize(Roles = Roles.Staff)]
public sealed class IndexModel(IMediator mediator, ReferenceNames names, IClock clock, CentreSettings settings, IStringLocalizer<HoursTexts> texts)
    : AbsencePageModel(mediator, names, clock, settings, texts)
{
    public IReadOnlyList<CounsellorDto> Counsellors { get; private set; } = [];

    public Guid? CounsellorId { get; private set; }

    public string? CounsellorName => Counsellors.FirstOrDefault(c => c.Id == CounsellorId)?.DisplayName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadCounsellorsAsync(cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid? counsellorId, string? from, string? to, string? reason, CancellationToken cancellationToken) =>
        SendAsync(counsellorId, from, to, reason, dryRun: true, cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(Guid? counsellorId, string? from, string? to, string? reason, CancellationToken cancellationToken) =>
        SendAsync(counsellorId, from, to, reason, dryRun: false, cancellationToken);

    private async Task<IActionResult> SendAsync(Guid? counsellorId, string? from, string? to, string? reason, bool dryRun,
        CancellationToken cancellationToken)
    {
        (CounsellorId, From, To, Reason) = (counsellorId, from, to, reason);
        await LoadCounsellorsAsync(cancellationToken);
        if (CounsellorName is null)
        {
            Errors.Add("absence-counsellor", Texts["Absence_Error_Counsellor"]);
            return await ShowAsync(cancellationToken, StatusCodes.Status400BadRequest);
        }

        return await RunAsync(counsellorId!.Value, dryRun, cancellationToken);
    }

    private async Task LoadCounsellorsAsync(CancellationToken cancellationToken) =>
        Counsellors = (await Mediator.Send(new ListCounsellors(), cancellationToken)).OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ToList();
}
