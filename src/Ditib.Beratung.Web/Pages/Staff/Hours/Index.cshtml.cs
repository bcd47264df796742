using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Hours;

/// <summary>
/// Sprechzeiten: the signed-in counsellor's weekly template and exceptions (saved with <see cref="SetHours"/>), and
/// publishing a date range as slots, previewed first with the same <see cref="PublishSlots"/> as a dry run.
/// </summary>
[Authorize(Roles = Roles.Counsellor)]
public sealed class IndexModel(IMediator mediator, IClock clock, CentreSettings settings, IStringLocalizer<HoursTexts> texts) : PageModel
{
    /// <summary>Empty rows offered under each table; "more rows" adds this many again.</summary>
    public const int BlankRows = 2;

    public CounsellorDto? Counsellor { get; private set; }

    public List<WeeklyRow> Weekly { get; private set; } = [];

    public List<ExceptionRow> Exceptions { get; private set; } = [];

    public FormErrors HoursErrors { get; } = new();

    public FormErrors PublishErrors { get; } = new();

    public string? PublishFrom { get; private set; }

    public string? PublishTo { get; private set; }

    /// <summary>How many slots publishing the range would create, once previewed.</summary>
    public int? Preview { get; private set; }

    public int? Published { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, int? published, CancellationToken cancellationToken)
    {
        (Saved, Published) = (saved, published);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(List<WeeklyRow> weekly, List<ExceptionRow> exceptions, CancellationToken cancellationToken)
    {
        if (await FindCounsellorAsync(cancellationToken) is not { } counsellor)
        {
            return Page();
        }

        var form = new HoursForm(weekly, exceptions);
        try
        {
            await mediator.Send(form.ToRequest(counsellor.Id), cancellationToken);
            return this.SeeOther("/staff/hours?saved=true");
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                HoursErrors.Add(form.Field(failure.PropertyName) is { } field
                    ? (field.Id, texts[$"Hours_Error_In_{field.Section}", field.Row, texts[$"Hours_Error_{field.Kind}"]])
                    : (null, texts["Hours_Error_TooManyRows"]));
            }
        }
        catch (DomainRuleException rule)
        {
            HoursErrors.Add(null, texts[rule.Field == "to" ? "Hours_Error_EndBeforeStart"
                : rule.Field == "exceptions" ? "Hours_Error_Exceptions" : "Hours_Error_WeeklyOverlap"]);
        }

        return await ShowAsync(cancellationToken, StatusCodes.Status400BadRequest, (weekly, exceptions, 0));
    }

    public async Task<IActionResult> OnPostAddRowsAsync(List<WeeklyRow> weekly, List<ExceptionRow> exceptions, CancellationToken cancellationToken) =>
        await ShowAsync(cancellationToken, posted: (weekly, exceptions, BlankRows));

    public async Task<IActionResult> OnPostPreviewPublishAsync(string? publishFrom, string? publishTo, CancellationToken cancellationToken) =>
        await PublishAsync(publishFrom, publishTo, dryRun: true, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(string? publishFrom, string? publishTo, CancellationToken cancellationToken) =>
        await PublishAsync(publishFrom, publishTo, dryRun: false, cancellationToken);

    private async Task<IActionResult> PublishAsync(string? from, string? to, bool dryRun, CancellationToken cancellationToken)
    {
        (PublishFrom, PublishTo) = (from, to);
        if (await FindCounsellorAsync(cancellationToken) is not { } counsellor)
        {
            return Page();
        }

        try
        {
            var result = await mediator.Send(new PublishSlots(counsellor.Id, from, to, dryRun), cancellationToken);
            if (!dryRun)
            {
                return this.SeeOther($"/staff/hours?published={result.Created}");
            }

            Preview = result.Created;
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                PublishErrors.Add(failure.PropertyName == "From" ? "publish-from" : "publish-to", texts["Hours_Error_PublishDates"]);
            }
        }
        catch (DomainRuleException)
        {
            PublishErrors.Add("publish-to", texts["Hours_Error_TooManySlots", SlotPlanner.MaxSlotsAtOnce]);
        }

        return await ShowAsync(cancellationToken, PublishErrors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>Shows the stored hours, or the rows just posted (with <paramref name="more"/> empty rows added) when given.</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, int status = StatusCodes.Status200OK,
        (List<WeeklyRow> Weekly, List<ExceptionRow> Exceptions, int More)? posted = null)
    {
        if (Counsellor is null && await FindCounsellorAsync(cancellationToken) is null)
        {
            return Page();
        }

        if (posted is { } rows)
        {
            Weekly = [.. rows.Weekly.Take(HoursForm.MaxRows), .. Blank<WeeklyRow>(rows.More)];
            Exceptions = [.. rows.Exceptions.Take(HoursForm.MaxRows), .. Blank<ExceptionRow>(rows.More)];
        }
        else
        {
            var hours = await mediator.Send(new GetHours(Counsellor!.Id), cancellationToken);
            Weekly = [.. hours.Weekly.Select(WeeklyRow.Of), .. Blank<WeeklyRow>(BlankRows)];
            Exceptions = [.. hours.Exceptions.SelectMany(ExceptionRow.Of), .. Blank<ExceptionRow>(BlankRows)];
        }

        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        PublishFrom ??= Formats.Date.Format(today);
        PublishTo ??= Formats.Date.Format(today.PlusWeeks(6));
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The counsellor profile of the signed-in account; without one the page says so instead of showing forms.</summary>
    private async Task<CounsellorDto?> FindCounsellorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Counsellor = await mediator.Send(new GetOwnCounsellor(), cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<T> Blank<T>(int count)
        where T : new() => Enumerable.Range(0, count).Select(_ => new T());
}
