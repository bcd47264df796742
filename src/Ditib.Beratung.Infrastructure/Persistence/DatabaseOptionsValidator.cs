using Microsoft.Extensions.Options;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Checks <c>Beratung:Database</c> at start-up: on PostgreSQL, <c>ConnectionStrings:Beratung</c> must be an Npgsql
/// connection string naming a host (not the SQLite default left in place). The string itself is never repeated, as
/// it may hold a password.
/// </summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    private const string Expected = "ConnectionStrings:Beratung must hold an Npgsql connection string "
        + "(Host=…;Database=…;Username=…;Password=…) when Beratung:Database:Provider is PostgreSQL";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:Provider must be Sqlite or PostgreSQL.");
        }

        if (!options.IsPostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var host = new NpgsqlConnectionStringBuilder(options.ConnectionString).Host;
            return string.IsNullOrWhiteSpace(host) || host.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
                ? ValidateOptionsResult.Fail(Expected + ".")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail(Expected + "; the one given cannot be read.");
        }
    }
}
