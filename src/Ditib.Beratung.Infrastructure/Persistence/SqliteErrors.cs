using System.Data.Common;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>SQLite's error codes and the messages of our triggers (sql/) as the application's answers.</summary>
public sealed class SqliteErrors : IDatabaseErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int Constraint = 19;

    public Exception? Translate(DbException exception) => exception switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked } => new DatabaseBusyException(exception),
        SqliteException { SqliteErrorCode: Constraint } => new ConflictException(ConflictMessages.For(exception.Message)),
        _ => null,
    };
}
