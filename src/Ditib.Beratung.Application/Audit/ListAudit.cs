using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Audit;

/// <summary>The data-protection officer's view of the audit trail, newest first; local dates, inclusive.</summary>
public sealed record ListAudit(string? SubjectType, string? SubjectId, string? Actor, string? From, string? To, int? Limit)
    : IRequest<IReadOnlyList<AuditEntryDto>>;

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
    }
}

public sealed class ListAuditHandler(IAuditQueries audit, CentreSettings settings) : IRequestHandler<ListAudit, IReadOnlyList<AuditEntryDto>>
{
    public Task<IReadOnlyList<AuditEntryDto>> Handle(ListAudit request, CancellationToken cancellationToken)
    {
        Instant? from = request.From is null ? null : Formats.ParseDate(request.From).AtStartOfDayInZone(settings.Zone).ToInstant();
        Instant? to = request.To is null ? null : Formats.ParseDate(request.To).PlusDays(1).AtStartOfDayInZone(settings.Zone).ToInstant();
        return audit.ListAsync(new AuditFilter(request.SubjectType, request.SubjectId, request.Actor, from, to, request.Limit ?? 200),
            cancellationToken);
    }
}

public sealed record VerifyAudit : IRequest<AuditVerification>;

public sealed class VerifyAuditHandler(IAuditQueries audit) : IRequestHandler<VerifyAudit, AuditVerification>
{
    public Task<AuditVerification> Handle(VerifyAudit request, CancellationToken cancellationToken) => audit.VerifyAsync(cancellationToken);
}
