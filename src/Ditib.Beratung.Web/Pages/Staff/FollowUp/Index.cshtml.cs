using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Domain.Referrals;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.FollowUp;

/// <summary>
/// Nachverfolgung: the desk's open referrals whose follow-up is overdue, due today or due in the coming six days
/// (<see cref="ListReferrals"/>), each with the partner's phone to call, and the partner's answer recorded with
/// <see cref="TakeReferralStep"/> (accept, decline with a reason, complete with the outcome), as the API does.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(IMediator mediator, CentreSettings settings, IClock clock, IStringLocalizer<PartnerTexts> texts) : PageModel
{
    public const int MaxText = 1000;

    public IReadOnlyList<ReferralListItemDto> Overdue { get; private set; } = [];

    public IReadOnlyList<ReferralListItemDto> DueToday { get; private set; } = [];

    public IReadOnlyList<ReferralListItemDto> DueThisWeek { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public LocalDate WeekEnd => Today.PlusDays(6);

    public string? Done { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>What was typed into the form that failed, so it is not lost: (referral, field id, text).</summary>
    public (Guid Id, string Field, string? Text)? Entered { get; private set; }

    public static string ReasonField(Guid id) => $"decline-reason-{id}";

    public static string OutcomeField(Guid id) => $"complete-outcome-{id}";

    public static bool CanAnswer(ReferralListItemDto referral) => referral.Status == ReferralStatus.Sent.ToCode();

    public static bool CanComplete(ReferralListItemDto referral) => referral.Status == ReferralStatus.Accepted.ToCode();

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done is "accepted" or "declined" or "completed" ? done : null;
        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, ReferralAction.Accept, null, null, "accepted", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, ReferralAction.Decline, reason, ReasonField(id), "declined", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string? outcome, CancellationToken cancellationToken) =>
        StepAsync(id, ReferralAction.Complete, outcome, OutcomeField(id), "completed", cancellationToken);

    private async Task<IActionResult> StepAsync(Guid id, ReferralAction action, string? text, string? field, string done,
        CancellationToken cancellationToken)
    {
        int status;
        try
        {
            await mediator.Send(new TakeReferralStep(id, action, text), cancellationToken);
            return this.SeeOther($"/staff/follow-up?done={done}");
        }
        catch (ValidationException)
        {
            Errors.Add(field, texts[action == ReferralAction.Complete ? "FollowUp_Error_Outcome" : "FollowUp_Error_Reason"]);
            Entered = (id, field!, text);
            status = StatusCodes.Status400BadRequest;
        }
        catch (ConflictException)
        {
            Errors.Add(null, texts["FollowUp_Error_State"]);
            status = StatusCodes.Status409Conflict;
        }
        catch (NotFoundException)
        {
            Errors.Add(null, texts["FollowUp_Error_NotFound"]);
            status = StatusCodes.Status404NotFound;
        }

        return await ShowAsync(status, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        Overdue = await mediator.Send(new ListReferrals(null, "overdue"), cancellationToken);
        DueToday = await mediator.Send(new ListReferrals(null, "today"), cancellationToken);
        var today = Formats.Date.Format(Today);
        DueThisWeek = (await mediator.Send(new ListReferrals(null, "week"), cancellationToken)).Where(r => r.FollowUpOn != today).ToList();
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The number as a <c>tel:</c> address: digits, and a leading plus.</summary>
    public static string TelUri(string phone) =>
        "tel:" + (phone.TrimStart().StartsWith('+') ? "+" : "") + new string(phone.Where(char.IsAsciiDigit).ToArray());
}
