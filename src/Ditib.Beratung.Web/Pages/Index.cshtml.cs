using System.Globalization;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages;

/// <summary>Step 1: choose a topic and the language to talk in. A plain GET form; valid choices go on to the list.</summary>
public sealed class IndexModel(ReferenceNames names, PageErrors errors) : ResidentPageModel
{
    public PageErrors Errors => errors;

    public IReadOnlyList<ReferenceItemDto> Topics { get; private set; } = [];

    public IReadOnlyList<ReferenceItemDto> Languages { get; private set; } = [];

    public string? Topic { get; private set; }

    public string? Language { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? topic, string? language, CancellationToken cancellationToken)
    {
        Topics = await names.TopicsAsync(cancellationToken);
        Languages = await names.LanguagesAsync(cancellationToken);
        Topic = topic;
        Language = language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!Request.Query.ContainsKey("topic") && !Request.Query.ContainsKey("language"))
        {
            return Page();
        }

        if (!Topics.Any(t => t.Code == topic))
        {
            errors.Add("topic", "Error_Topic");
        }

        if (!Languages.Any(l => l.Code == language))
        {
            errors.Add("language", "Error_Language");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect(Links.Appointments(topic!, language!));
    }
}
