using System.Net;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

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
    public static IServiceCollection AddBeratungProxies(this IServiceCollection services)
    {
        services.AddSettings<KnownProxiesOptions, KnownProxiesOptions.Validator>(KnownProxiesOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<KnownProxiesOptions>>((options, settings) =>
        {
            // ASP.NET Core trusts loopback by default; here only the named proxies are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }
}
