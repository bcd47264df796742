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
/// The manage page: the booking at a glance, with the way to move it (a step of its own, <see cref="MoveModel"/>),
/// the calendar file and cancelling. Sends the same <see cref="GetBooking"/> and <see cref="CancelBooking"/> as the
/// API; the token comes from the manage cookie.
/// </summary>
public sealed class ManageModel(
    IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink, CentreSettings settings, PageErrors errors)
    : BookingPageModel(manageLink)
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "reason", "confirm" };

    public PageErrors Errors => errors;

    public BookingDetails? Details { get; private set; }

    public string? Done { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Until when the booking can be moved or cancelled online (the domain decides; this only tells).</summary>
    public LocalDateTime Cutoff { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, string? done, CancellationToken cancellationToken)
    {
        if (Enter(reference, Links.Manage) is { } early)
        {
            return early;
        }

        Done = done;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, bool confirm, string? reason, CancellationToken cancellationToken)
    {
        if (Enter(reference, Links.Manage) is { } early)
        {
            return early;
        }

        Reason = reason;
        if (!confirm)
        {
            errors.Add("confirm", "Error_CancelConfirm");
            return await ShowAsync(cancellationToken, StatusCodes.Status400BadRequest);
        }

        int status;
        try
        {
            await mediator.Send(new CancelBooking(reason) { Reference = Reference, Token = Token }, cancellationToken);
            return this.SeeOther($"{Links.Manage(Reference)}?done=cancelled");
        }
        catch (ValidationException validation)
        {
            errors.Add(validation, Fields);
            status = StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule, Fields, "Error_CancelCutoff");
            status = StatusCodes.Status422UnprocessableEntity;
        }
        catch (ConflictException)
        {
            errors.Add(null, "Error_CancelConflict");
            status = StatusCodes.Status409Conflict;
        }
        catch (Exception exception) when (ForAccessFailure(exception) is { } failure)
        {
            return failure;
        }

        return await ShowAsync(cancellationToken, status);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
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
        Response.StatusCode = status;
        return Page();
    }
}
