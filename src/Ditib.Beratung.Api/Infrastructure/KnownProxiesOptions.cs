using System.Net;
using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>The reverse proxies whose forwarded headers are believed (<c>Beratung:ForwardedHeaders</c>); blank entries are ignored.</summary>
public sealed class KnownProxiesOptions
{
    public const string Section = "Beratung:ForwardedHeaders";

    /// <summary>IP addresses, e.g. 10.0.0.2.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>CIDR networks, e.g. 10.0.1.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public sealed class Validator : IValidateOptions<KnownProxiesOptions>
    {
        public ValidateOptionsResult Validate(string? name, KnownProxiesOptions options)
        {
            var problems = new SettingProblems(Section);
            foreach (var (proxy, index) in options.KnownProxies.Select((proxy, index) => (proxy, index)))
            {
                problems.Require(string.IsNullOrWhiteSpace(proxy) || IPAddress.TryParse(proxy, out _),
                    $"{problems.Key($"KnownProxies:{index}")} is '{proxy}', which is not an IP address.");
            }

            foreach (var (network, index) in options.KnownNetworks.Select((network, index) => (network, index)))
            {
                problems.Require(string.IsNullOrWhiteSpace(network) || System.Net.IPNetwork.TryParse(network, out _),
                    $"{problems.Key($"KnownNetworks:{index}")} is '{network}', which is not a CIDR network.");
            }

            return problems.Result;
        }
    }
}
