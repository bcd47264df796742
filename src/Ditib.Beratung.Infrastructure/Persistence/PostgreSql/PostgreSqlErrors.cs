using System.Data.Common;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL's SQLSTATEs as the application's answers, the same as SQLite's: a guard (trigger, unique key, exclusion,
/// check or foreign key: SQLite's one constraint code) is a conflict with the same message; a transaction that could
/// not be serialised with a concurrent one is run again (<see cref="SerializationConflictException"/>); a server
/// that refuses connections, is shutting down or cannot be reached is busy (503); a text holding U+0000, which
/// PostgreSQL's text cannot store, is bad input (400).
/// </summary>
public sealed class PostgreSqlErrors : IDatabaseErrors
{
    public Exception? Translate(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } =>
            new SerializationConflictException("The transaction could not be serialised with a concurrent one.", exception),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation
            or PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.NotNullViolation
            or PostgresErrorCodes.RaiseException } refusal =>
            new ConflictException(ConflictMessages.For($"{refusal.MessageText} {refusal.ConstraintName}")),
        // U+0000 in a text parameter: PostgreSQL's text cannot hold it ("invalid byte sequence for encoding UTF8: 0x00").
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
            new UnstorableTextException(exception),
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.LockNotAvailable } =>
            new DatabaseBusyException(exception),
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) => new DatabaseBusyException(exception),
        PostgresException => null,
        // Not the server's answer: the connection failed, timed out, or the pool had none free in time.
        NpgsqlException { IsTransient: true } => new DatabaseBusyException(exception),
        _ => null,
    };
}
