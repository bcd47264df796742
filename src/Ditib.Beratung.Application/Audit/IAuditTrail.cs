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

public sealed record AuditFilter(
    string? SubjectType, string? SubjectId, string? Actor, Instant? From, Instant? To, int Limit, long? Before = null, string? Action = null);

/// <summary>
/// The outcome of recomputing the chain. <paramref name="Entries"/>, <paramref name="LastSeq"/>,
/// <paramref name="LastId"/> and <paramref name="LastHash"/> describe the newest entry that verifies: noted down
/// outside the system now and then and given back as a <see cref="NotedEntry"/>, they show whether the newest
/// entries were cut off since. <paramref name="UnkeyedEntries"/> counts the entries from before the chain was keyed
/// (a fixed number once the key is in use).
/// </summary>
public sealed record AuditVerification(
    bool Valid, long Entries, long? FirstBrokenSeq, Guid? FirstBrokenId, string? Problem, string LastHash, long? LastSeq, Guid? LastId,
    long UnkeyedEntries);

/// <summary>An entry the DPO noted outside the system: its number and hash must still be there.</summary>
public sealed record NotedEntry(long Seq, string Hash);

public interface IAuditQueries
{
    Task<IReadOnlyList<AuditEntryDto>> ListAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Every entry with one of the actions about a case's client, whatever subject it is filed under: the case, its
    /// client, its notes, its referrals, or the booking it came from. Oldest first, all of them.
    /// </summary>
    Task<IReadOnlyList<AuditEntryDto>> AboutCaseAsync(Guid caseId, IReadOnlyCollection<string> actions, CancellationToken cancellationToken);

    /// <summary>Recomputes the chain from the first entry and names the first entry that does not fit.</summary>
    Task<AuditVerification> VerifyAsync(NotedEntry? noted, CancellationToken cancellationToken);
}
