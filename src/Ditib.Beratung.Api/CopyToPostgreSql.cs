using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Infrastructure;
using Ditib.Beratung.Infrastructure.Persistence;
using MediatR;

namespace Ditib.Beratung.Api;

/// <summary>
/// The verb <c>copy-to-postgresql --connection "…"</c>: a centre joining a shared installation copies its SQLite
/// database, as it is, into a new, empty PostgreSQL database (<see cref="PostgreSqlCopy"/>), then the audit chain is
/// verified on the copy with the same keys and must end where the SQLite one ends. Prints table names, counts, entry
/// numbers and hashes only; never a value, never the connection string (it may hold a password).
/// </summary>
public static class CopyToPostgreSql
{
    public static async Task<int> RunAsync(IServiceProvider services, string target, TextWriter output, TextWriter error)
    {
        if (services.GetRequiredService<DatabaseOptions>().IsPostgreSql)
        {
            await error.WriteLineAsync("copy-to-postgresql copies this installation's SQLite database, but it runs on PostgreSQL already (Beratung:Database:Provider).");
            return 1;
        }

        if (!PostgreSqlCopy.NamesADatabase(target))
        {
            await error.WriteLineAsync("--connection takes an Npgsql connection string naming host and database, e.g. \"Host=db.example;Database=beratung;Username=beratung\" " +
                "(the password from PGPASSWORD or ~/.pgpass rather than the command line).");
            return 2;
        }

        var source = await services.GetRequiredService<IMediator>().Send(new VerifyAudit());
        if (!source.Valid)
        {
            await error.WriteLineAsync($"The audit trail of the SQLite database is broken at entry {source.FirstBrokenSeq}; nothing was copied. See `audit verify`.");
            return 1;
        }

        IReadOnlyList<CopiedTable> tables;
        try
        {
            tables = await services.GetRequiredService<PostgreSqlCopy>().MigrateAndCopyAsync(target, CancellationToken.None);
        }
        catch (CopyRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }

        foreach (var table in tables)
        {
            await output.WriteLineAsync($"  {table.Name,-24} {table.CopiedRows,9} row(s)");
        }

        await output.WriteLineAsync($"Copied {tables.Sum(t => t.CopiedRows)} row(s) in {tables.Count} tables; every table has as many rows as in SQLite.");
        var copy = await VerifyCopyAsync(services, target);
        if (!copy.Valid || copy.Entries != source.Entries || copy.LastSeq != source.LastSeq || copy.LastHash != source.LastHash)
        {
            await error.WriteLineAsync(copy.Valid
                ? $"The audit chain on the copy ends at entry {copy.LastSeq} ({copy.Entries} entries), in SQLite at {source.LastSeq} ({source.Entries} entries)."
                : $"The audit chain on the copy is broken at entry {copy.FirstBrokenSeq}: {copy.Problem}");
            await error.WriteLineAsync("Do not use the copy: drop and re-create that database, then run again.");
            return 1;
        }

        await output.WriteLineAsync($"Audit trail on the copy intact: {copy.Entries} entries, last entry {copy.LastSeq}, hash {copy.LastHash} (the same as in SQLite).");
        await output.WriteLineAsync("Next: run the API with Beratung__Database__Provider=PostgreSQL and ConnectionStrings__Beratung set to that database,");
        await output.WriteLineAsync("with the same master keys, audit chain key and token signing key as now.");
        return 0;
    }

    /// <summary>
    /// Verifies the audit chain on the copy through the application's own verification (<see cref="VerifyAudit"/>), in a
    /// host of its own on PostgreSQL with this host's settings and keys.
    /// </summary>
    private static async Task<AuditVerification> VerifyCopyAsync(IServiceProvider services, string target)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment.EnvironmentName,
            ContentRootPath = environment.ContentRootPath,
        });
        builder.Configuration.AddConfiguration(services.GetRequiredService<IConfiguration>());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.Section + ":Provider"] = nameof(DatabaseProvider.PostgreSQL),
            [DatabaseOptions.Section + ":DataFolder"] = services.GetRequiredService<DatabaseOptions>().DataFolder,
            ["ConnectionStrings:Beratung"] = target,
        });
        builder.Services.AddLogging();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        using var host = builder.Build();
        using var system = SystemScope.Enter();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new VerifyAudit());
    }
}
