using NodaTime;

namespace Ditib.Beratung.Application.Audit;

/// <summary>
/// What happened, to what, with which outcome. Never personal content: subjects are named by type and id.
/// </summary>
public sealed record AuditEvent(string Action, string SubjectType, string? SubjectId, string Outcome = AuditOutcomes.Success)
{
    /// <summary>Who did it when it is not the current user (e.g. the account a sign-in attempt was for).</summary>
    public (Guid? Id, string Name)? Actor { get; init; }
}

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>The append-only, hash-chained audit trail. Entries are written in the request's write transaction.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}

public sealed record AuditEntryDto(
    long Seq, Guid Id, string At, Guid? ActorId, string ActorName, string Action, string SubjectType, string? SubjectId, string Outcome);

public sealed record AuditFilter(string? SubjectType, string? SubjectId, string? Actor, Instant? From, Instant? To, int Limit);

/// <summary>
/// The outcome of recomputing the chain. <paramref name="LastHash"/> is the hash of the newest entry: noted down
/// outside the system now and then, it also shows whether someone rewrote the whole chain since.
/// </summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSeq, Guid? FirstBrokenId, string? Problem, string LastHash);

public interface IAuditQueries
{
    Task<IReadOnlyList<AuditEntryDto>> ListAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>Recomputes the chain from the first entry and names the first entry that does not fit.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
