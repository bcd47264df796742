namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Where a command's writes run. On SQLite, <see cref="WriteGate"/>: one writer for the process, each command in a
/// savepoint of a transaction shared by the commands that queue up together (group commit). A server database runs
/// each command in an ordinary transaction of its own and serialises what must be serialised itself.
/// </summary>
public interface IWriteTransactions
{
    /// <summary>Waits until the command may write and opens its transaction; the caller must leave it.</summary>
    Task<IWriteTransaction> EnterAsync(CancellationToken cancellationToken);
}
