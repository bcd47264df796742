namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Cross-origin calls are closed unless <c>Beratung:Cors:AllowedOrigins</c> names the origins (e.g. the residents' site).</summary>
public static class Cors
{
    public static IServiceCollection AddBeratungCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Beratung:Cors:AllowedOrigins").Get<string[]>() ?? [];
        return services.AddCors(options =>
        {
            if (origins.Length > 0)
            {
                options.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                    .WithMethods("GET", "POST", "PUT")
                    .WithHeaders("Content-Type", "Authorization", "Idempotency-Key", "X-Booking-Token"));
            }
        });
    }
}
