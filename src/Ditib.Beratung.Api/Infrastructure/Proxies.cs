using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy that ends TLS, the client's address and scheme come from X-Forwarded-For/-Proto, but only
/// from the proxies named in <c>Beratung:ForwardedHeaders:KnownProxies</c>; with none named, those headers are
/// ignored (a client could otherwise pick its own address and escape the rate limits).
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddBeratungProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Beratung:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only the named proxies are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Beratung:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
            }
        });
    }
}
