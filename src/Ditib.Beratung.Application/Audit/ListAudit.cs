using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Audit;

/// <summary>
/// The data-protection officer's view of the audit trail, newest first; local dates, inclusive. A page holds at most
/// <c>Limit</c> entries; <c>Before</c> (an entry's number) continues below that entry, down to the first one.
/// <c>Action</c> keeps the entries of one action (e.g. <c>privacy.erasure</c>).
/// </summary>
public sealed record ListAudit(
    string? SubjectType, string? SubjectId, string? Actor, string? From, string? To, int? Limit, long? Before = null, string? Action = null)
    : IRequest<AuditPage>;

/// <summary>One page of entries; <paramref name="Next"/> is the <c>before</c> of the following page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? Next);

public sealed class ListAuditValidator : AbstractValidator<ListAudit>
{
    public ListAuditValidator()
    {
        RuleFor(a => a.From).Date().When(a => a.From is not null);
        RuleFor(a => a.To).Date().When(a => a.To is not null);
        RuleFor(a => a.Limit).InclusiveBetween(1, 1000).When(a => a.Limit is not null);
        RuleFor(a => a.To).Must((a, to) => Formats.ParseDate(a.From!) <= Formats.ParseDate(to!))
            .WithMessage("'to' must not be before 'from'.").When(a => Formats.IsDate(a.From) && Formats.IsDate(a.To));
        RuleFor(a => a.SubjectType).MaximumLength(50);
        RuleFor(a => a.SubjectId).MaximumLength(100);
        RuleFor(a => a.Actor).MaximumLength(100);
        RuleFor(a => a.Action).MaximumLength(50);
        RuleFor(a => a.Before).GreaterThan(0).When(a => a.Before is not null);
    }
}

public sealed class ListAuditHandler(IAuditQueries audit, CentreSettings settings) : IRequestHandler<ListAudit, AuditPage>
{
    public async Task<AuditPage> Handle(ListAudit request, CancellationToken cancellationToken)
    {
        Instant? from = request.From is null ? null : Formats.ParseDate(request.From).AtStartOfDayInZone(settings.Zone).ToInstant();
        Instant? to = request.To is null ? null : Formats.ParseDate(request.To).PlusDays(1).AtStartOfDayInZone(settings.Zone).ToInstant();
        var limit = request.Limit ?? 200;
        var items = await audit.ListAsync(
            new AuditFilter(request.SubjectType, request.SubjectId, request.Actor, from, to, limit, request.Before, request.Action), cancellationToken);
        return new AuditPage(items, items.Count == limit && items[^1].Seq > 1 ? items[^1].Seq : null);
    }
}
