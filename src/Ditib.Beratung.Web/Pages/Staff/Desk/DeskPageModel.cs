using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Desk;

/// <summary>The desk's pages: the errors of the page's form in the page's language, and attendance as the API records it.</summary>
public abstract class DeskPageModel(IMediator mediator, IStringLocalizer<DeskTexts> texts) : PageModel
{
    protected IMediator Mediator => mediator;

    protected IStringLocalizer<DeskTexts> Texts => texts;

    public FormErrors Errors { get; } = new();

    /// <summary>
    /// Sends <see cref="RecordAttendance"/>; an expected refusal (not begun, cancelled, unknown) becomes a page error. Returns
    /// the status to answer with, 200 when it was recorded.
    /// </summary>
    protected async Task<int> RecordAttendanceAsync(string? reference, string? outcome, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new RecordAttendance(outcome) { Reference = reference ?? "" }, cancellationToken);
            return StatusCodes.Status200OK;
        }
        catch (ValidationException)
        {
            Errors.Add(null, texts["Desk_Error_Outcome"]);
            return StatusCodes.Status400BadRequest;
        }
        catch (DomainRuleException)
        {
            Errors.Add(null, texts["Desk_Error_NotBegun"]);
            return StatusCodes.Status422UnprocessableEntity;
        }
        catch (ConflictException)
        {
            Errors.Add(null, texts["Desk_Error_AttendanceState"]);
            return StatusCodes.Status409Conflict;
        }
        catch (NotFoundException)
        {
            Errors.Add(null, texts["Desk_Error_BookingNotFound"]);
            return StatusCodes.Status404NotFound;
        }
    }

    /// <summary>"attended" or "no-show" from the address after a recorded outcome, else null.</summary>
    protected static string? Outcome(string? done) => done is "attended" or "no-show" ? done : null;

    protected PageResult Show(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
