using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy that ends TLS, the client's address and scheme come from X-Forwarded-For/-Proto, but only
/// from the proxies named in <c>Beratung:ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>Beratung:ForwardedHeaders:KnownNetworks</c> (CIDR). With none named, those headers are not read at all:
/// ASP.NET Core believes every sender when both lists are empty, and a client could pick its own address and escape
/// the rate limits.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddBeratungProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Beratung:ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // ASP.NET Core trusts loopback by default; here only the named proxies are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Beratung:ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Beratung:ForwardedHeaders:KnownNetworks has '{network}', which is not a CIDR network."));
            }

            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
    }
}
