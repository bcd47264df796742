namespace Ditib.Beratung.Application.Common;

/// <summary>The thing asked for does not exist, or the caller may not learn that it does (mapped to 404).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>
    /// Set when the thing exists but the caller may not see it: recorded as a denied access in its own transaction
    /// after the request's work was rolled back (<see cref="DeniedAccessBehaviour{TRequest, TResponse}"/>).
    /// </summary>
    public Audit.AuditEvent? DeniedAccess { get; init; }
}

/// <summary>The caller is known but may not do this (mapped to 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The record exists but its personal data was erased (retention, an erasure request): mapped to 410 like an expired
/// link, with a message that says so, instead of the cipher's error about a missing key.
/// </summary>
public sealed class ErasedException(string message) : Domain.Common.GoneException(message);

/// <summary>
/// The database could not serialise this transaction with a concurrent one (PostgreSQL's 40001, or a deadlock); nothing
/// of it was stored. <see cref="UnitOfWorkExtensions.InTransactionAsync{T}"/> runs the command again; when every
/// attempt fails the caller is told the database is busy (503).
/// </summary>
public sealed class SerializationConflictException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The database could not take the request now (locked or busy beyond its wait): nothing was stored, and trying again
/// in a moment is the answer (mapped to 503 with Retry-After).
/// </summary>
public sealed class DatabaseBusyException(Exception? innerException = null)
    : Exception("The database is busy; nothing was stored. Please try again in a moment.", innerException);

/// <summary>
/// A text the database cannot store: the character U+0000, which PostgreSQL's text refuses (SQLite keeps it). Raised
/// when the database refuses it, so nothing was stored; answered 400. Query strings are checked earlier, naming the
/// parameter (the Api's <c>NulCharacterGuard</c>).
/// </summary>
public sealed class UnstorableTextException(Exception inner)
    : Exception("A text contains the character U+0000 (NUL), which cannot be stored; remove it and send the request again.", inner);

/// <summary>
/// A run that goes one at a time across every instance (<see cref="ISingleRun"/>: retention) is going on now, started
/// elsewhere (another instance's daily job, the command line, the DPO's page or the API): nothing was done. Mapped to
/// 409; the <c>retention run</c> verb exits 3; the daily job skips its turn.
/// </summary>
public sealed class AlreadyRunningException(string run)
    : Domain.Common.ConflictException($"Another instance is running {run} now; try again in a few minutes. Nothing was changed by this request.")
{
    public string Run { get; } = run;
}
