using System.Data.Common;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>Plain ADO.NET for tests that reach past the application, on SQLite and PostgreSQL alike.</summary>
public static class DbCommands
{
    /// <summary>Adds a parameter written <c>@name</c> in the SQL (both providers read that form).</summary>
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static int Execute(this DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
