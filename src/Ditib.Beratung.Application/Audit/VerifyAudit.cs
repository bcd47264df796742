using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Audit;

/// <summary>
/// Recomputes the audit chain. With the number and hash of an entry the DPO noted earlier (outside the system), also
/// checks that this entry is still there unchanged, which shows a cut-off tail even when the sequence was lowered.
/// </summary>
public sealed record VerifyAudit(long? NotedSeq = null, string? NotedHash = null) : IRequest<AuditVerification>;

public sealed class VerifyAuditValidator : AbstractValidator<VerifyAudit>
{
    public VerifyAuditValidator()
    {
        RuleFor(v => v.NotedSeq).GreaterThan(0).WithName("seq");
        RuleFor(v => v.NotedHash).NotEmpty().MaximumLength(100).Matches("^(hmac-sha256:)?[0-9a-fA-F]{64}$").WithName("hash")
            .WithMessage("'hash' is the noted hash as verification printed it.").When(v => v.NotedSeq is not null || v.NotedHash is not null);
        RuleFor(v => v.NotedSeq).NotNull().WithName("seq").WithMessage("'seq' and 'hash' go together.").When(v => v.NotedHash is not null);
    }
}

public sealed class VerifyAuditHandler(IAuditQueries audit) : IRequestHandler<VerifyAudit, AuditVerification>
{
    public Task<AuditVerification> Handle(VerifyAudit request, CancellationToken cancellationToken) =>
        audit.VerifyAsync(request.NotedSeq is { } seq ? new NotedEntry(seq, request.NotedHash!) : null, cancellationToken);
}
