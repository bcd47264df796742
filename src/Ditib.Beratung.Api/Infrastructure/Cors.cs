using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Cross-origin calls are closed unless <c>Beratung:Cors:AllowedOrigins</c> names the origins (e.g. the residents' site).</summary>
public static class Cors
{
    public static IServiceCollection AddBeratungCors(this IServiceCollection services)
    {
        services.AddSettings<CrossOriginOptions, CrossOriginOptions.Validator>(CrossOriginOptions.Section);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((options, settings) =>
        {
            if (settings.Value.AllowedOrigins is { Length: > 0 } origins)
            {
                options.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                    .WithMethods("GET", "POST", "PUT")
                    .WithHeaders("Content-Type", "Authorization", "Idempotency-Key", "X-Booking-Token"));
            }
        });
        return services;
    }
}
