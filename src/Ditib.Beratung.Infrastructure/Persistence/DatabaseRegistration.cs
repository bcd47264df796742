using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ditib.Beratung.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// <c>Beratung:Database</c> and <c>ConnectionStrings:Beratung</c>, checked at start-up, and the provider's services;
    /// the provider is chosen when the services are first resolved, like every other setting.
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
        services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<DatabaseOptions>().ConnectionString));
        return services;
    }
}
