using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Web.Support;
using Ditib.Beratung.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages.Staff.Cases;

/// <summary>Fälle: the counsellor's own and shared cases by status and topic (<see cref="ListCases"/>); a code opens its case.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(IMediator mediator, CaseErrors errors, ReferenceNames names) : CasePageModel(mediator, errors)
{
    public string? Status { get; private set; }

    public string? Topic { get; private set; }

    public string? Code { get; private set; }

    public IReadOnlyList<ReferenceItemDto> Topics { get; private set; } = [];

    public IReadOnlyList<CaseSummaryDto> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? status, string? topic, string? code, CancellationToken cancellationToken)
    {
        (Status, Topic, Code) = (Empty(status) ?? (status is null ? "open" : null), Empty(topic), Empty(code));
        Topics = await names.TopicsAsync(cancellationToken);
        IReadOnlyList<CaseSummaryDto> found = [];
        var result = await Errors.TryAsync(async () => found = await Mediator.Send(new ListCases(Status, Topic, null, Code), cancellationToken));
        if (Code is not null && found.Count == 1)
        {
            return this.SeeOther(CaseLinks.Case(found[0].Code));
        }

        if (Code is not null && result == StatusCodes.Status200OK)
        {
            Errors.Add("code", "Cases_CodeNotFound");
            result = StatusCodes.Status404NotFound;
        }

        Cases = found;
        return Show(result);
    }

    public string TopicName(string code) => Topics.FirstOrDefault(t => t.Code == code) is { } topic ? ReferenceNames.Name(topic) : code;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
