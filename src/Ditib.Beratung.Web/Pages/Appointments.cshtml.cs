using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.Web.Support;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages;

/// <summary>Step 2: the free appointments for the topic and language, by day, two weeks at a time; filters for mode and date.</summary>
public sealed class AppointmentsModel(SlotFinder finder, ReferenceNames names, PageErrors errors) : ResidentPageModel
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string> { "mode", "date" };

    public static IReadOnlyList<string> Modes => SlotModes.Codes;

    public PageErrors Errors => errors;

    public string Topic { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string? Mode { get; private set; }

    public string TopicName { get; private set; } = "";

    public string LanguageName { get; private set; } = "";

    public LocalDate Today { get; private set; }

    public LocalDate From { get; private set; }

    public LocalDate To => From.PlusDays(SlotFinder.WindowDays - 1);

    public LocalDate Earlier => LocalDate.Max(Today, From.PlusDays(-SlotFinder.WindowDays));

    public string DateInput { get; private set; } = "";

    public IReadOnlyList<SlotDay> Days { get; private set; } = [];

    /// <summary>The cursor of the rest of the window, when it held more free appointments than one page shows.</summary>
    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        string? topic, string? language, string? mode, string? date, string? after, CancellationToken cancellationToken)
    {
        var topicName = await names.TopicAsync(topic, cancellationToken);
        var languageName = await names.LanguageAsync(language, cancellationToken);
        if (topicName is null || languageName is null)
        {
            return Redirect("/");
        }

        (Topic, Language, TopicName, LanguageName) = (topic!, language!, topicName, languageName);
        Mode = string.IsNullOrEmpty(mode) ? null : mode;
        Today = finder.Today;
        From = Today;
        if (!string.IsNullOrEmpty(date))
        {
            if (Formats.IsDate(date))
            {
                From = LocalDate.Max(Today, Formats.ParseDate(date));
            }
            else
            {
                errors.Add("date", "Error_Date");
            }
        }

        DateInput = Display.Iso(From);
        if (!errors.Any)
        {
            try
            {
                var found = await finder.FindAsync(new SlotQuery(Topic, Language, Mode, From, After: after), cancellationToken);
                (Days, Next) = (SlotFinder.ByDay(found.Slots), found.Next);
            }
            catch (ValidationException validation)
            {
                errors.Add(validation, Fields);
            }
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
