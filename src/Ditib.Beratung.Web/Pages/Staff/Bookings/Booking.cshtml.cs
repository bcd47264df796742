using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Bookings;

/// <summary>
/// A caller's booking at the desk: when, where, with whom, language, state, the name to compare; cancel it (reason
/// optional) or move it to a free appointment on the same topic in the same language (any counsellor, or only the same
/// one). Sends the same requests as <c>/api/v1/agenda/bookings/{reference}</c>; the resident is told as usual.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class BookingModel(IMediator mediator, SlotFinder finder, ReferenceNames names, IClock clock, IStringLocalizer<CallerTexts> texts)
    : PageModel
{
    public static string Link(string reference) => $"/staff/bookings/{reference}";

    public string Reference { get; private set; } = "";

    public DeskBookingDto? Booking { get; private set; }

    public SlotView? Slot { get; private set; }

    public string? LanguageName { get; private set; }

    public string? TopicName { get; private set; }

    /// <summary>Set instead of <see cref="Booking"/> when there is nothing to show: the look-up form with why.</summary>
    public FindForm? Missing { get; private set; }

    public bool Erased { get; private set; }

    public string? Done { get; private set; }

    public bool Changeable { get; private set; }

    public FormErrors Errors { get; } = new();

    public string? Reason { get; private set; }

    public LocalDate Today { get; private set; }

    public LocalDate From { get; private set; }

    public LocalDate Later { get; private set; }

    public bool SameCounsellor { get; private set; }

    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string reference, string? from, bool same, string? done, CancellationToken cancellationToken)
    {
        Done = done is "cancelled" or "moved" ? done : null;
        return ShowAsync(reference, from, same, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        if (!BookingReference.TryNormalise(reference, out var canonical))
        {
            return ShowMissing("Caller_Error_Reference", StatusCodes.Status400BadRequest);
        }

        try
        {
            await mediator.Send(new CancelBookingForCaller(reason) { Reference = canonical }, cancellationToken);
            return this.SeeOther($"{Link(canonical)}?done=cancelled");
        }
        catch (ValidationException)
        {
            Errors.Add("reason", texts["Caller_Error_Reason"]);
            return await ShowAsync(canonical, null, false, StatusCodes.Status400BadRequest, cancellationToken);
        }
        catch (ConflictException)
        {
            Errors.Add(null, texts["Caller_Error_Changed"]);
            return await ShowAsync(canonical, null, false, StatusCodes.Status409Conflict, cancellationToken);
        }
        catch (DomainRuleException)
        {
            Errors.Add(null, texts["Caller_Error_Begun"]);
            return await ShowAsync(canonical, null, false, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }
        catch (Exception exception) when (exception is NotFoundException or GoneException)
        {
            // Unknown or erased: the page says so (404 with the search form, 410).
            return await ShowAsync(canonical, null, false, StatusCodes.Status200OK, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(string reference, Guid? slotId, string? from, bool same, CancellationToken cancellationToken)
    {
        if (!BookingReference.TryNormalise(reference, out var canonical))
        {
            return ShowMissing("Caller_Error_Reference", StatusCodes.Status400BadRequest);
        }

        (string? Field, string Key, int Status) error;
        try
        {
            await mediator.Send(new RescheduleBookingForCaller(slotId ?? Guid.Empty) { Reference = canonical }, cancellationToken);
            return this.SeeOther($"{Link(canonical)}?done=moved");
        }
        catch (ValidationException)
        {
            error = ("slot", "Caller_Error_Slot", StatusCodes.Status400BadRequest);
        }
        catch (NotFoundException) when (slotId is not null)
        {
            // The booking is found by ShowAsync below; what was not found is the chosen slot.
            error = ("slot", "Caller_Error_Slot", StatusCodes.Status404NotFound);
        }
        catch (ConflictException)
        {
            error = ("slot", "Caller_Error_SlotTaken", StatusCodes.Status409Conflict);
        }
        catch (GoneException)
        {
            return await ShowAsync(canonical, null, false, StatusCodes.Status200OK, cancellationToken);
        }
        catch (DomainRuleException rule)
        {
            error = rule.Field switch
            {
                "topic" or "language" => ("slot", "Caller_Error_Rule", StatusCodes.Status422UnprocessableEntity),
                "slotId" => ("slot", "Caller_Error_SlotTaken", StatusCodes.Status422UnprocessableEntity),
                _ => (null, "Caller_Error_Begun", StatusCodes.Status422UnprocessableEntity),
            };
        }

        var shown = await ShowAsync(canonical, from, same, error.Status, cancellationToken);
        // A conflict about the booking itself (cancelled or done meanwhile) rather than about the chosen slot.
        if (Booking is not null && !Changeable)
        {
            error = (null, "Caller_Error_Changed", error.Status);
        }

        Errors.Add(error.Field, texts[error.Key]);
        return shown;
    }

    private async Task<IActionResult> ShowAsync(string reference, string? from, bool same, int status, CancellationToken cancellationToken)
    {
        if (!BookingReference.TryNormalise(reference, out var canonical))
        {
            return ShowMissing("Caller_Error_Reference", StatusCodes.Status400BadRequest);
        }

        if (canonical != reference && HttpMethods.IsGet(Request.Method))
        {
            return Redirect(Link(canonical) + Request.QueryString);
        }

        Reference = canonical;
        try
        {
            Booking = await mediator.Send(new GetDeskBooking(canonical), cancellationToken);
        }
        catch (NotFoundException)
        {
            return ShowMissing("Caller_Error_NotFound", StatusCodes.Status404NotFound);
        }
        catch (GoneException)
        {
            Erased = true;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Slot = finder.ToView(Booking.Slot);
        LanguageName = await names.LanguageAsync(Booking.Language, cancellationToken) ?? Booking.Language;
        TopicName = await names.TopicAsync(Booking.Topic, cancellationToken) ?? Booking.Topic;
        Today = finder.Today;
        Changeable = Booking.Status == BookingStatus.Confirmed.ToCode()
                     && Formats.OffsetDateTime.Parse(Booking.Slot.Start).Value.ToInstant() > clock.GetCurrentInstant();
        if (Changeable)
        {
            await FindPlacesAsync(from, same, cancellationToken);
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task FindPlacesAsync(string? from, bool same, CancellationToken cancellationToken)
    {
        SameCounsellor = same;
        From = Formats.IsDate(from) ? LocalDate.Max(Today, Formats.ParseDate(from!)) : Today;
        var to = From.PlusDays(SlotFinder.WindowDays - 1);
        var page = await mediator.Send(new SearchSlots(Booking!.Topic, Booking.InterpreterNeeded ? null : Booking.Language, Formats.Date.Format(From),
            Formats.Date.Format(to), null, SlotPage.MaxLimit, null, same ? Booking.CounsellorId : null), cancellationToken);
        var days = SlotFinder.ByDay(page.Items.Where(s => s.Id != Booking.Slot.Id).Select(finder.ToView));
        // With more free appointments than one search answers, the last day may be cut short: it starts the next page.
        (Days, Later) = page.Next is not null && days.Count > 1
            ? (days.Take(days.Count - 1).ToList(), days[^1].Date)
            : (days, From.PlusDays(SlotFinder.WindowDays));
    }

    private PageResult ShowMissing(string error, int status)
    {
        var errors = new FormErrors();
        errors.Add("reference", texts[error]);
        Missing = new FindForm(null, errors);
        Response.StatusCode = status;
        return Page();
    }
}
