using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages;

/// <summary>
/// Step 3: the short form. Sends the same <see cref="BookSlot"/> as <c>POST /api/v1/bookings</c>; on success the
/// token goes into the manage cookie and the browser is sent to the confirmation (post-redirect-get).
/// </summary>
public sealed class BookModel(
    IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink, PrivacyNotice privacyNotice, RetentionSettings retention,
    PageErrors errors)
    : ResidentPageModel
{
    private const int AlternativeCount = 5;

    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "name", "phone", "email", "interpreter", "concern", "consent" };

    public PageErrors Errors => errors;

    [BindProperty]
    public BookingForm Form { get; set; } = new();

    public SlotView? Slot { get; private set; }

    public string Topic { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string TopicName { get; private set; } = "";

    public string LanguageName { get; private set; } = "";

    public bool Taken { get; private set; }

    public IReadOnlyList<SlotView> Alternatives { get; private set; } = [];

    public Notice? Notice { get; private set; }

    /// <summary>Contact data and concern are deleted at the latest this many days after the appointment (as the privacy notice says).</summary>
    public int RetentionDays => retention.BookingContact.Days;

    public async Task<IActionResult> OnGetAsync(Guid slotId, string? topic, string? language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slotId, topic, language, cancellationToken) is { } early)
        {
            return early;
        }

        Form = new BookingForm { IdempotencyKey = Guid.NewGuid().ToString("N"), PrivacyNoticeVersion = privacyNotice.Version };
        return Slot!.Remaining > 0 ? Page() : await TakenAsync(slotId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid slotId, string? topic, string? language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slotId, topic, language, cancellationToken) is { } early)
        {
            return early;
        }

        var request = new BookSlot(slotId, Form.Name, Form.Phone, Form.Email, Language, Topic, Form.InterpreterNeeded, Form.Concern,
            new ConsentDto(Form.PrivacyNoticeVersion, Form.ConsentAccepted))
        {
            IdempotencyKey = string.IsNullOrEmpty(Form.IdempotencyKey) ? null : Form.IdempotencyKey,
        };
        try
        {
            var booked = await mediator.Send(request, cancellationToken);
            manageLink.Keep(Response, booked.Reference, booked.ManageToken);
            return this.SeeOther(Links.Confirmation(booked.Reference));
        }
        catch (ValidationException validation)
        {
            errors.Add(validation, Fields);
            return Invalid(StatusCodes.Status400BadRequest);
        }
        catch (DomainRuleException rule)
        {
            errors.Add(rule, Fields, "Error_SlotNotBookable");
            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }
        catch (ConflictException)
        {
            // Taken by someone else in the meantime, or this very form was already sent with other entries.
            var slot = await mediator.Send(new GetSlot(slotId), cancellationToken);
            if (slot.RemainingCapacity > 0 && slot.Status == "open")
            {
                errors.Add(null, "Error_AlreadySent");
                return Invalid(StatusCodes.Status409Conflict);
            }

            return await TakenAsync(slotId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFoundNotice();
        }
    }

    private PageResult Invalid(int status)
    {
        // The form shows the current notice again; consent to an older or refused one must be given anew.
        ModelState.Remove("Form.PrivacyNoticeVersion");
        Form.PrivacyNoticeVersion = privacyNotice.Version;
        Form.ConsentAccepted = Form.ConsentAccepted && !errors.All.Any(e => e.FieldId == "consent");
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult> TakenAsync(Guid slotId, CancellationToken cancellationToken)
    {
        Taken = true;
        Alternatives = await finder.NextAsync(Topic, Language, slotId, AlternativeCount, cancellationToken);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid slotId, string? topic, string? language, CancellationToken cancellationToken)
    {
        var topicName = await names.TopicAsync(topic, cancellationToken);
        var languageName = await names.LanguageAsync(language, cancellationToken);
        if (topicName is null || languageName is null)
        {
            return Redirect("/");
        }

        (Topic, Language, TopicName, LanguageName) = (topic!, language!, topicName, languageName);
        try
        {
            var slot = await mediator.Send(new GetSlot(slotId), cancellationToken);
            Slot = finder.ToView(slot) with { Remaining = slot.Status == "open" ? slot.RemainingCapacity : 0 };
            return null;
        }
        catch (NotFoundException)
        {
            return NotFoundNotice();
        }
    }

    private PageResult NotFoundNotice()
    {
        Notice = Notice.SlotNotFound;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>What the resident types in; bound from the form only.</summary>
public sealed class BookingForm
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? Concern { get; set; }

    public bool ConsentAccepted { get; set; }

    /// <summary>The version of the privacy notice the page showed; the booking records it with the consent.</summary>
    public string? PrivacyNoticeVersion { get; set; }

    /// <summary>Sending the form twice (a double tap, a reload) books once and shows the same confirmation.</summary>
    public string? IdempotencyKey { get; set; }
}
