using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Pages.Staff.Hours;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Counsellors;

/// <summary>
/// The counsellor profile's form, for a new profile and for changing one: name, languages, topics, active, and the
/// linked account, chosen from the active accounts with the counsellor role that no other profile links to. A
/// linked profile keeps its account (its cases belong to it), so the choice is only offered while none is linked.
/// </summary>
public abstract class CounsellorFormModel(IMediator mediator, ReferenceNames names, IStringLocalizer<AdminTexts> texts) : PageModel
{
    protected IMediator Mediator => mediator;

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Languages { get; set; } = [];

    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public bool Active { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    /// <summary>The account the profile is linked to already (no other can be chosen then).</summary>
    public Guid? LinkedUserId { get; protected set; }

    public UserDto? LinkedAccount { get; private set; }

    public IReadOnlyList<UserDto> Accounts { get; private set; } = [];

    public IReadOnlyList<ReferenceItemDto> AllLanguages { get; private set; } = [];

    public IReadOnlyList<ReferenceItemDto> AllTopics { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    /// <summary>Loads the choices; <paramref name="profileId"/> is the profile being changed, if any.</summary>
    protected async Task LoadChoicesAsync(Guid? profileId, CancellationToken cancellationToken)
    {
        AllLanguages = await names.LanguagesAsync(cancellationToken);
        AllTopics = await names.TopicsAsync(cancellationToken);
        var users = await mediator.Send(new ListUsers(), cancellationToken);
        var linked = (await mediator.Send(new ListCounsellors(), cancellationToken))
            .Where(c => c.Id != profileId && c.UserId is not null).Select(c => c.UserId!.Value).ToHashSet();
        Accounts = users.Where(u => u.Active && u.Roles.Contains(Roles.Counsellor) && !linked.Contains(u.Id)).ToList();
        LinkedAccount = users.FirstOrDefault(u => u.Id == LinkedUserId);
    }

    /// <summary>Sends the profile's request; on a failure shows the form again with the errors (400).</summary>
    protected async Task<IActionResult> SaveAsync(Guid? profileId, Func<Task<CounsellorDto>> send, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await send();
            return LocalRedirect($"/staff/admin/counsellors/{saved.Id}?saved=true");
        }
        catch (Exception exception) when (AdminErrors.IsExpected(exception))
        {
            AdminErrors.Add(Errors, texts, exception, property => property switch
            {
                "displayname" => ("counsellor-name", "Admin_Error_CounsellorName"),
                "languages" => ("counsellor-languages", "Admin_Error_Languages"),
                "topics" => ("counsellor-topics", "Admin_Error_Topics"),
                "userid" or "conflict" => ("counsellor-account", "Admin_Error_Account"),
                _ => (null, "Admin_Error_General"),
            });
        }

        await LoadChoicesAsync(profileId, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
