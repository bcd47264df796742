using Ditib.Beratung.Domain.Common;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Turns the database's own guards (triggers, unique keys) into the application's conflict answers.</summary>
internal static class Constraints
{
    private const int SqliteConstraint = 19;

    public static async Task GuardAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint)
        {
            throw Translate(exception);
        }
    }

    private static ConflictException Translate(SqliteException exception)
    {
        var message = exception.Message;
        if (message.Contains("slot_full", StringComparison.Ordinal))
        {
            return new ConflictException("This slot is fully booked.");
        }

        if (message.Contains("slot_not_open", StringComparison.Ordinal))
        {
            return new ConflictException("This slot has been cancelled.");
        }

        if (message.Contains("slot_overlap", StringComparison.Ordinal))
        {
            return new ConflictException("The slot overlaps another open slot of this counsellor.");
        }

        return new ConflictException("The change conflicts with data already stored.");
    }
}
