using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Absence;

/// <summary>
/// Recording an absence, for the desk (any counsellor) and for a counsellor (herself): the preview sends
/// <see cref="CancelSlotsForAbsence"/> as a dry run and shows who is affected; confirming sends it for real and shows
/// the same list, so the desk can phone those who get no message. Confirming twice cancels nothing twice.
/// </summary>
public abstract class AbsencePageModel(IMediator mediator, ReferenceNames names, IClock clock, CentreSettings settings,
    IStringLocalizer<HoursTexts> texts) : PageModel
{
    protected IMediator Mediator => mediator;

    protected IStringLocalizer<HoursTexts> Texts => texts;

    public string? From { get; protected set; }

    public string? To { get; protected set; }

    public string? Reason { get; protected set; }

    public AbsenceReport? Report { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Language names in the page's language, by code.</summary>
    public IReadOnlyDictionary<string, string> Languages { get; private set; } = new Dictionary<string, string>();

    protected async Task<IActionResult> RunAsync(Guid counsellorId, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            Report = await mediator.Send(new CancelSlotsForAbsence(counsellorId, From, To, Reason, dryRun), cancellationToken);
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                Errors.Add(Field(failure.PropertyName));
            }
        }
        catch (DomainRuleException rule)
        {
            Errors.Add(rule.Field == "reason" ? Field("Reason") : ("absence-to", texts["Absence_Error_Past"]));
        }

        return await ShowAsync(cancellationToken, Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        From ??= Formats.Date.Format(today);
        To ??= Formats.Date.Format(today);
        Languages = (await names.LanguagesAsync(cancellationToken)).ToDictionary(l => l.Code, ReferenceNames.Name);
        Response.StatusCode = status;
        return Page();
    }

    private (string FieldId, string Message) Field(string property) => property switch
    {
        "From" => ("absence-from", texts["Absence_Error_Date"]),
        "To" => ("absence-to", texts["Absence_Error_Range", Domain.Scheduling.Absence.MaxDays]),
        "Reason" => ("absence-reason", texts["Absence_Error_Reason"]),
        _ => ("absence-from", texts["Absence_Error_Date"]),
    };
}
