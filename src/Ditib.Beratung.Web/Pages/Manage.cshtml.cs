using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages;

/// <summary>
/// The manage page: see the booking, move it to another free slot, cancel it, get the calendar file. Sends the same
/// <see cref="GetBooking"/>, <see cref="RescheduleBooking"/> and <see cref="CancelBooking"/> as the API; the token
/// comes from the manage cookie.
/// </summary>
public sealed class ManageModel(
    IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink, CentreSettings settings, PageErrors errors)
    : BookingPageModel(manageLink)
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "slot", "reason", "confirm" };

    public PageErrors Errors => errors;

    public BookingDetails? Details { get; private set; }

    public string? Done { get; private set; }

    public string? Reason { get; private set; }

    public LocalDate Today { get; private set; }

    public LocalDate From { get; private set; }

    public LocalDate Earlier => LocalDate.Max(Today, From.PlusDays(-SlotFinder.WindowDays));

    /// <summary>Until when the booking can be moved or cancelled online (the domain decides; this only tells).</summary>
    public LocalDateTime Cutoff { get; private set; }

    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    /// <summary>The cursor of the rest of the window, when it held more free appointments than one page shows.</summary>
    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, string? date, string? after, string? done, CancellationToken cancellationToken)
    {
        if (Enter(reference, r => Links.Manage(r)) is { } early)
        {
            return early;
        }

        Done = done;
        return await ShowAsync(date, cancellationToken, after: after);
    }

    public async Task<IActionResult> OnPostMoveAsync(string reference, Guid? slotId, CancellationToken cancellationToken)
    {
        if (Enter(reference, r => Links.Manage(r)) is { } early)
        {
            return early;
        }

        if (slotId is null)
        {
            errors.Add("slot", "Error_Slot");
            return await ShowAsync(null, cancellationToken, StatusCodes.Status400BadRequest);
        }

        return await ActAsync(new RescheduleBooking(slotId.Value) { Reference = Reference, Token = Token }, "moved", "Error_MoveCutoff",
            "Error_MoveConflict", cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, bool confirm, string? reason, CancellationToken cancellationToken)
    {
        if (Enter(reference, r => Links.Manage(r)) is { } early)
        {
            return early;
        }

        Reason = reason;
        if (!confirm)
        {
            errors.Add("confirm", "Error_CancelConfirm");
            return await ShowAsync(null, cancellationToken, StatusCodes.Status400BadRequest);
        }

        return await ActAsync(new CancelBooking(reason) { Reference = Reference, Token = Token }, "cancelled", "Error_CancelCutoff",
            "Error_CancelConflict", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(IRequest<BookingDto> command, string done, string cutoffKey, string conflictKey,
        CancellationToken cancellationToken)
    {
        int status;
        try
        {
            await mediator.Send(command, cancellationToken);
            return this.SeeOther($"{Links.Manage(Reference)}?done={done}");
        }
        catch (ValidationException validation)
        {
            errors.Add(validation, Fields);
            status = StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule, Fields, cutoffKey);
            status = StatusCodes.Status422UnprocessableEntity;
        }
        catch (ConflictException)
        {
            errors.Add(command is RescheduleBooking ? "slot" : null, conflictKey);
            status = StatusCodes.Status409Conflict;
        }
        catch (Exception exception) when (ForAccessFailure(exception) is { } failure)
        {
            return failure;
        }

        return await ShowAsync(null, cancellationToken, status);
    }

    private async Task<IActionResult> ShowAsync(string? date, CancellationToken cancellationToken, int status = StatusCodes.Status200OK,
        string? after = null)
    {
        BookingDto booking;
        try
        {
            booking = await mediator.Send(new GetBooking(Reference, Token), cancellationToken);
        }
        catch (Exception exception) when (ForAccessFailure(exception) is { } failure)
        {
            return failure;
        }

        Details = await DetailsAsync(booking, finder, names, cancellationToken);
        Cutoff = finder.LocalCutoff(booking.Slot, settings.CancelCutoff);
        Today = finder.Today;
        From = Formats.IsDate(date) ? LocalDate.Max(Today, Formats.ParseDate(date!)) : Today;
        if (Details.Confirmed)
        {
            var language = booking.InterpreterNeeded ? null : booking.Language;
            var free = await finder.FindAsync(new SlotQuery(booking.Topic, language, null, From, After: after), cancellationToken);
            (Days, Next) = (SlotFinder.ByDay(free.Slots.Where(s => s.Id != booking.Slot.Id)), free.Next);
        }

        Response.StatusCode = status;
        return Page();
    }
}
