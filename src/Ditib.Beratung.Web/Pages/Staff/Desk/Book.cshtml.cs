using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>
/// The desk books a free place for a caller or walk-in: the resident form's fields and the same <see cref="BookSlot"/>,
/// sent as staff (<see cref="BookedBy.Staff"/>, as <c>POST /api/v1/agenda/bookings</c> does), so it may book inside the
/// minimum notice and nowhere else differs. The answer to the booking shows the reference and the personal link once,
/// as text and QR code, and is not a redirect: the token is in no address and cannot be fetched again.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class BookModel(
    IMediator mediator, SlotFinder finder, ReferenceNames names, ManageLink manageLink, PrivacyNotice privacyNotice, IClock clock,
    IStringLocalizer<DeskTexts> texts)
    : DeskPageModel(mediator, texts)
{
    private static readonly Dictionary<string, (string? Field, string Key)> Properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = ("name", "Desk_Error_Name"),
        ["Phone"] = ("phone", "Desk_Error_Phone"),
        ["Email"] = ("email", "Desk_Error_Email"),
        ["Language"] = ("language", "Desk_Error_Language"),
        ["Topic"] = ("topic", "Desk_Error_Topic"),
        ["Concern"] = ("concern", "Desk_Error_Concern"),
        ["Consent"] = ("consent", "Desk_Error_Consent"),
        ["Consent.Accepted"] = ("consent", "Desk_Error_Consent"),
        ["Consent.PrivacyNoticeVersion"] = ("consent", "Desk_Error_ConsentVersion"),
    };

    private static readonly Dictionary<string, (string? Field, string Key)> RuleFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slotId"] = (null, "Desk_Error_Past"),
        ["topic"] = ("topic", "Desk_Error_TopicNotOffered"),
        ["language"] = ("language", "Desk_Error_LanguageNotSpoken"),
    };

    [BindProperty]
    public DeskBookingForm Form { get; set; } = new();

    public SlotView? Slot { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Topics { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Languages { get; private set; } = [];

    /// <summary>The place cannot be booked (full, cancelled, begun): the page says so instead of showing the form.</summary>
    public bool NoPlace { get; private set; }

    public bool Missing { get; private set; }

    public BookingCreatedDto? Booked { get; private set; }

    public string? PersonalLink { get; private set; }

    public string? QrCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, cancellationToken))
        {
            return Show(StatusCodes.Status404NotFound);
        }

        Form = new DeskBookingForm { IdempotencyKey = Guid.NewGuid().ToString("N"), PrivacyNoticeVersion = privacyNotice.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid slotId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slotId, cancellationToken))
        {
            return Show(StatusCodes.Status404NotFound);
        }

        var request = new BookSlot(slotId, Form.Name, Form.Phone, Form.Email, Form.Language, Form.Topic, Form.InterpreterNeeded, Form.Concern,
            new ConsentDto(Form.PrivacyNoticeVersion, Form.ConsentAccepted))
        {
            IdempotencyKey = string.IsNullOrEmpty(Form.IdempotencyKey) ? null : Form.IdempotencyKey,
            BookedBy = BookedBy.Staff,
        };
        try
        {
            Booked = await Mediator.Send(request, cancellationToken);
            PersonalLink = manageLink.PersonalLink(Request, Booked.Reference, Booked.ManageToken);
            QrCode = QrCodes.PngDataUri(PersonalLink);
            return Page();
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                Add(Properties.TryGetValue(failure.PropertyName, out var mapped) ? mapped : (null, "Desk_Error_Generic"));
            }

            return Invalid(StatusCodes.Status400BadRequest);
        }
        catch (DomainRuleException rule)
        {
            Add(rule.Field is not null && RuleFields.TryGetValue(rule.Field, out var mapped) ? mapped : (null, "Desk_Error_Generic"));
            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }
        catch (ConflictException)
        {
            // Taken in the meantime (or cancelled), or this very form was already sent with other entries.
            await LoadAsync(slotId, cancellationToken);
            Add(NoPlace ? (null, "Desk_Book_NoPlace") : (null, "Desk_Error_AlreadySent"));
            return Show(StatusCodes.Status409Conflict);
        }
    }

    private void Add((string? Field, string Key) error) => Errors.Add(error.Field, Texts[error.Key]);

    private PageResult Invalid(int status)
    {
        // The form shows the current notice again; consent to an older one must be given anew.
        ModelState.Remove("Form.PrivacyNoticeVersion");
        Form.PrivacyNoticeVersion = privacyNotice.Version;
        return Show(status);
    }

    private async Task<bool> LoadAsync(Guid slotId, CancellationToken cancellationToken)
    {
        SlotDto slot;
        try
        {
            slot = await Mediator.Send(new GetSlot(slotId), cancellationToken);
        }
        catch (NotFoundException)
        {
            Missing = true;
            return false;
        }

        Slot = finder.ToView(slot);
        NoPlace = slot.Status != "open" || slot.RemainingCapacity <= 0
            || Formats.OffsetDateTime.Parse(slot.Start).Value.ToInstant() <= clock.GetCurrentInstant();
        var topics = await names.TopicsAsync(cancellationToken);
        Topics = slot.Topics.Select(code => (code, topics.FirstOrDefault(t => t.Code == code) is { } topic ? ReferenceNames.Name(topic) : code)).ToList();
        // The slot's own languages first; any other with an interpreter.
        Languages = (await names.LanguagesAsync(cancellationToken))
            .OrderBy(l => slot.Languages.Contains(l.Code) ? 0 : 1)
            .ThenBy(ReferenceNames.Name, StringComparer.CurrentCulture)
            .Select(l => (l.Code, ReferenceNames.Name(l)))
            .ToList();
        return true;
    }
}
