using System.Data.Common;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>One command's place in a write transaction (<see cref="IWriteTransactions.EnterAsync"/>).</summary>
public interface IWriteTransaction
{
    /// <summary>The connection every statement of the command runs on.</summary>
    DbConnection Connection { get; }

    /// <summary>The transaction every statement of the command is bound to.</summary>
    DbTransaction Transaction { get; }

    /// <summary>
    /// Ends the command: keeps its work (<paramref name="succeeded"/>) or undoes it. When its work is kept, returns only
    /// once it is durable, and throws if the commit failed.
    /// </summary>
    Task LeaveAsync(bool succeeded);
}
