using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages;

/// <summary>
/// Moving a booking, a step of its own: first a day with free appointments (two weeks at a time), then a time on
/// that day. Sends the same <see cref="RescheduleBooking"/> as the API; the token comes from the manage cookie.
/// </summary>
public sealed class MoveModel(IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink, PageErrors errors)
    : BookingPageModel(manageLink)
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "slot" };

    public PageErrors Errors => errors;

    public BookingDetails? Details { get; private set; }

    public LocalDate Today { get; private set; }

    /// <summary>The first day of the two weeks whose days are listed.</summary>
    public LocalDate From { get; private set; }

    public LocalDate Earlier => LocalDate.Max(Today, From.PlusDays(-SlotFinder.WindowDays));

    /// <summary>Where the next page of days starts: after the two weeks, or at a day the search had to cut short.</summary>
    public LocalDate Later { get; private set; }

    /// <summary>The chosen day, whose times are shown; null while a day is still to be chosen.</summary>
    public LocalDate? Day { get; private set; }

    /// <summary>The days with free appointments, or the chosen day with its times.</summary>
    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, string? date, string? from, CancellationToken cancellationToken)
    {
        if (Enter(reference, r => Links.Move(r)) is { } early)
        {
            return early;
        }

        return await ShowAsync(date, from, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string reference, Guid? slotId, string? date, CancellationToken cancellationToken)
    {
        if (Enter(reference, r => Links.Move(r)) is { } early)
        {
            return early;
        }

        if (slotId is null)
        {
            errors.Add("slot", "Error_Slot");
            return await ShowAsync(date, null, cancellationToken, StatusCodes.Status400BadRequest);
        }

        int status;
        try
        {
            await mediator.Send(new RescheduleBooking(slotId.Value) { Reference = Reference, Token = Token }, cancellationToken);
            return this.SeeOther($"{Links.Manage(Reference)}?done=moved");
        }
        catch (ValidationException validation)
        {
            errors.Add(validation, Fields);
            status = StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule, Fields, "Error_MoveCutoff");
            status = StatusCodes.Status422UnprocessableEntity;
        }
        catch (ConflictException)
        {
            errors.Add("slot", "Error_MoveConflict");
            status = StatusCodes.Status409Conflict;
        }
        catch (Exception exception) when (ForAccessFailure(exception) is { } failure)
        {
            return failure;
        }

        return await ShowAsync(date, null, cancellationToken, status);
    }

    private async Task<IActionResult> ShowAsync(string? date, string? from, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
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
        if (!Details.Confirmed)
        {
            return this.SeeOther(Links.Manage(Reference));
        }

        Today = finder.Today;
        var language = booking.InterpreterNeeded ? null : booking.Language;
        if (Formats.IsDate(date))
        {
            var day = LocalDate.Max(Today, Formats.ParseDate(date!));
            var found = await finder.FindAsync(new SlotQuery(booking.Topic, language, null, day, Days: 1, Limit: SlotPage.MaxLimit), cancellationToken);
            (Day, From) = (day, day);
            Days = SlotFinder.ByDay(found.Slots.Where(s => s.Id != booking.Slot.Id));
        }
        else
        {
            From = Formats.IsDate(from) ? LocalDate.Max(Today, Formats.ParseDate(from!)) : Today;
            var found = await finder.FindAsync(new SlotQuery(booking.Topic, language, null, From, Limit: SlotPage.MaxLimit), cancellationToken);
            var days = SlotFinder.ByDay(found.Slots.Where(s => s.Id != booking.Slot.Id));
            // With more free appointments than one search answers, the last day may be cut short: it starts the next page.
            (Days, Later) = found.Next is not null && days.Count > 1
                ? (days.Take(days.Count - 1).ToList(), days[^1].Date)
                : (days, From.PlusDays(SlotFinder.WindowDays));
        }

        Response.StatusCode = status;
        return Page();
    }
}
