using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Counsellors;

/// <summary>Beraterinnen und Berater: every counsellor profile with its languages, topics, state and linked account.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(IMediator mediator, ReferenceNames names) : PageModel
{
    public IReadOnlyList<CounsellorDto> Counsellors { get; private set; } = [];

    /// <summary>User names by account id.</summary>
    public IReadOnlyDictionary<Guid, string> Usernames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<string, string> Languages { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Topics { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counsellors = (await mediator.Send(new ListCounsellors(), cancellationToken))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ToList();
        Usernames = (await mediator.Send(new ListUsers(), cancellationToken)).ToDictionary(u => u.Id, u => u.Username);
        Languages = (await names.LanguagesAsync(cancellationToken)).ToDictionary(l => l.Code, ReferenceNames.Name);
        Topics = (await names.TopicsAsync(cancellationToken)).ToDictionary(t => t.Code, ReferenceNames.Name);
    }

    public string Names(IEnumerable<string> codes, IReadOnlyDictionary<string, string> names) =>
        string.Join(", ", codes.Select(code => names.TryGetValue(code, out var name) ? name : code));
}
