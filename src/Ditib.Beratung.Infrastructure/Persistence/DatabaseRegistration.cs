using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Infrastructure.Persistence.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// <c>Beratung:Database</c> and <c>ConnectionStrings:Beratung</c>, checked at start-up, and the provider's
    /// connections, write transactions and error translation behind the same seams; the provider is chosen when the
    /// services are first resolved, like every other setting. SQLite: <see cref="ConnectionFactory"/>,
    /// <see cref="WriteGate"/>, <see cref="SqliteErrors"/>; PostgreSQL: one <see cref="NpgsqlDataSource"/> (the pool),
    /// <see cref="PostgreSqlTransactions"/>, <see cref="PostgreSqlErrors"/>.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
                options.Resolve(configuration.GetConnectionString("Beratung"), environment.ContentRootPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<SqliteErrors>();
        services.AddSingleton(provider => PostgreSqlDataSource.Create(provider.GetRequiredService<DatabaseOptions>().ConnectionString));
        services.AddSingleton<PostgreSqlConnections>();
        services.AddSingleton<PostgreSqlTransactions>();
        services.AddSingleton<PostgreSqlErrors>();

        services.AddSingleton<IDatabaseConnections>(provider => OnPostgreSql(provider)
            ? provider.GetRequiredService<PostgreSqlConnections>()
            : provider.GetRequiredService<ConnectionFactory>());
        services.AddSingleton<IWriteTransactions>(provider => OnPostgreSql(provider)
            ? provider.GetRequiredService<PostgreSqlTransactions>()
            : provider.GetRequiredService<WriteGate>());
        services.AddSingleton<IDatabaseErrors>(provider => OnPostgreSql(provider)
            ? provider.GetRequiredService<PostgreSqlErrors>()
            : provider.GetRequiredService<SqliteErrors>());

        services.AddSingleton(provider => OnPostgreSql(provider) ? SqlDialect.PostgreSql : SqlDialect.Sqlite);
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DbSession>();
        services.AddScoped<DatabaseProbe>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());
        return services;
    }

    private static bool OnPostgreSql(IServiceProvider provider) => provider.GetRequiredService<DatabaseOptions>().IsPostgreSql;
}
