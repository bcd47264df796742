using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Undelivered;

/// <summary>
/// Nicht zugestellt: the messages given up on, with the booking, the kind, when it failed and the resident's phone
/// number (unsealed for this, audited) so that someone can call; "send again" sends <see cref="RetryMessage"/>, the
/// same request as <c>POST /api/v1/outbox/{id}/retry</c>.
/// </summary>
[Authorize(Roles = Roles.Staff)]
public sealed class IndexModel(IMediator mediator, IStringLocalizer<CallerTexts> texts) : PageModel
{
    public IReadOnlyList<UndeliveredDto> Messages { get; private set; } = [];

    /// <summary>The reference of the booking whose message was just queued again.</summary>
    public string? Retried { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string? retried, CancellationToken cancellationToken)
    {
        Retried = BookingReference.TryNormalise(retried, out var reference) ? reference : null;
        return await ShowAsync(StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid? id, CancellationToken cancellationToken)
    {
        int status;
        try
        {
            var retried = await mediator.Send(new RetryMessage(id ?? Guid.Empty), cancellationToken);
            return this.SeeOther($"/staff/undelivered?retried={retried.BookingReference}");
        }
        catch (Exception exception) when (exception is FluentValidation.ValidationException or NotFoundException or ConflictException or GoneException)
        {
            status = exception switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                ConflictException => StatusCodes.Status409Conflict,
                GoneException => StatusCodes.Status410Gone,
                _ => StatusCodes.Status400BadRequest,
            };
        }

        Errors.Add(null, texts["Undelivered_Error_Gone"]);
        return await ShowAsync(status, cancellationToken);
    }

    /// <summary>The local date and time a message failed at, for display.</summary>
    public static NodaTime.LocalDateTime? Local(string? offsetDateTime) =>
        offsetDateTime is null ? null : Formats.OffsetDateTime.Parse(offsetDateTime).Value.LocalDateTime;

    /// <summary>A phone number as a <c>tel:</c> link: its digits and a leading plus only.</summary>
    public static string TelLink(string phone) => "tel:" + string.Concat(phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0)));

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Messages = await mediator.Send(new ListUndelivered(), cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
