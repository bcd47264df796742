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
        SqliteException { SqliteErrorCode: Constraint } => new ConflictException(ConflictMessage(exception.Message)),
        _ => null,
    };

    private static string ConflictMessage(string message)
    {
        if (message.Contains("slot_full", StringComparison.Ordinal))
        {
            return "This slot is fully booked.";
        }

        if (message.Contains("slot_not_open", StringComparison.Ordinal))
        {
            return "This slot has been cancelled.";
        }

        if (message.Contains("slot_overlap", StringComparison.Ordinal))
        {
            return "The slot overlaps another open slot of this counsellor.";
        }

        if (message.Contains("ux_app_user_username", StringComparison.Ordinal))
        {
            return "This user name is already taken.";
        }

        if (message.Contains("counsellor.user_id", StringComparison.Ordinal))
        {
            return "This user account is already linked to another counsellor profile.";
        }

        return "The change conflicts with data already stored.";
    }
}
