using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>A note on the timeline: which later note corrects it, and which earlier one it corrects.</summary>
public sealed record TimelineNote(NoteDto Note, NoteDto? SupersededBy, NoteDto? Supersedes);

/// <summary>
/// The case page: topics, status, the notes as a timeline, writing and correcting a note (<see cref="AddNote"/>,
/// whose answer says what the scrubber replaced), the client's identity on request (<see cref="RevealClient"/>,
/// audited, after a fresh second factor), sharing, closing and reopening (<see cref="ManageCase"/>), the referrals.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class CaseModel(IMediator mediator, CaseErrors errors, ReferenceNames names, NoteDrafts drafts, IClock clock)
    : CasePageModel(mediator, errors)
{
    public IReadOnlyList<TimelineNote> Timeline { get; private set; } = [];

    public IReadOnlyList<ReferralListItemDto> Referrals { get; private set; } = [];

    public IReadOnlyList<CounsellorDto> Colleagues { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CounsellorNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<string> TopicNames { get; private set; } = [];

    /// <summary>The note just saved, shown with what the scrubber replaced in it.</summary>
    public NoteDto? Saved { get; private set; }

    /// <summary>The note being corrected, if any.</summary>
    public NoteDto? Correcting { get; private set; }

    /// <summary>The text in the form: after an error, or a draft kept across signing in again.</summary>
    public string? Draft { get; private set; }

    public bool DraftRestored { get; private set; }

    public ClientIdentity? Identity { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid? saved, Guid? correct, string? done, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        Draft = drafts.Take(HttpContext, Case.Code);
        DraftRestored = Draft is not null;
        Done = done is "closed" or "reopened" or "shared" or "unshared" or "client" ? done : null;
        return await ShowAsync(StatusCodes.Status200OK, saved, correct, cancellationToken);
    }

    /// <summary>The note form (the page's default handler, so that a draft kept at sign-in comes back to this address).</summary>
    public async Task<IActionResult> OnPostAsync(string code, string? text, Guid? supersedes, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        NoteCreatedDto? created = null;
        var status = await Errors.TryAsync(async () =>
            created = await Mediator.Send(new AddNote(text, supersedes) { CaseId = Case.Id }, cancellationToken), ruleKey: "CaseError_CaseClosed");
        if (created is not null)
        {
            return this.SeeOther($"{CaseLinks.Case(Case.Code)}?saved={created.Id}#saved");
        }

        Draft = text;
        return await ShowAsync(status, null, supersedes, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevealAsync(string code, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        // Wants the second factor entered in the last five minutes; the confirm page comes back to this case page.
        if (FreshSecondFactor.Require(this, clock, CaseLinks.Case(Case.Code)) is { } stepUp)
        {
            return stepUp;
        }

        Identity = await Mediator.Send(new RevealClient(Case.Id), cancellationToken);
        return await ShowAsync(StatusCodes.Status200OK, null, null, cancellationToken);
    }

    public Task<IActionResult> OnPostShareAsync(string code, Guid? colleague, CancellationToken cancellationToken) =>
        ManageAsync(code, CaseAction.Share, colleague, "shared", cancellationToken);

    public Task<IActionResult> OnPostUnshareAsync(string code, Guid? colleague, CancellationToken cancellationToken) =>
        ManageAsync(code, CaseAction.Unshare, colleague, "unshared", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string code, CancellationToken cancellationToken) =>
        ManageAsync(code, CaseAction.Close, null, "closed", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(string code, CancellationToken cancellationToken) =>
        ManageAsync(code, CaseAction.Reopen, null, "reopened", cancellationToken);

    public string CounsellorName(Guid id) => CounsellorNames.TryGetValue(id, out var name) ? name : "–";

    private async Task<IActionResult> ManageAsync(string code, CaseAction action, Guid? colleague, string done, CancellationToken cancellationToken)
    {
        if (!await FindCaseAsync(code, cancellationToken))
        {
            return Page();
        }

        var status = await Errors.TryAsync(() => Mediator.Send(new ManageCase(Case.Id, action, colleague), cancellationToken), "CaseError_CaseState");
        return status == StatusCodes.Status200OK
            ? this.SeeOther($"{CaseLinks.Case(Case.Code)}?done={done}")
            : await ShowAsync(status, null, null, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int status, Guid? saved, Guid? correct, CancellationToken cancellationToken)
    {
        var notes = await Mediator.Send(new ListNotes(Case.Id), cancellationToken);
        var byId = notes.ToDictionary(n => n.Id);
        Timeline = notes.Select(n => new TimelineNote(n, notes.LastOrDefault(later => later.Supersedes == n.Id),
            n.Supersedes is { } earlier ? byId.GetValueOrDefault(earlier) : null)).Reverse().ToList();
        Saved = saved is { } id ? byId.GetValueOrDefault(id) : null;
        Correcting = correct is { } c ? byId.GetValueOrDefault(c) : null;
        Draft ??= Correcting?.Text;
        Referrals = await Mediator.Send(new ListCaseReferrals(Case.Id), cancellationToken);

        var counsellors = await Mediator.Send(new ListCounsellors(), cancellationToken);
        CounsellorNames = counsellors.ToDictionary(c => c.Id, c => c.DisplayName);
        Colleagues = counsellors.Where(c => c.Active && c.UserId is not null && c.Id != Case.OwnerCounsellorId && !Case.SharedWith.Contains(c.Id))
            .OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ToList();
        var topics = await names.TopicsAsync(cancellationToken);
        TopicNames = Case.Topics.Select(t => topics.FirstOrDefault(x => x.Code == t) is { } topic ? ReferenceNames.Name(topic) : t).ToList();
        return Show(status);
    }
}
