using System.Security.Cryptography;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Infrastructure;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>The settings files of the checkout pass the start-up checks they are read with, so what they and the README say stays true.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void SampleSettings_PassEveryStartUpCheck_OutsideDevelopment_WithTheSecretsFromTheEnvironment()
    {
        // The sample leaves the secrets blank or as a placeholder: they come from the environment, as it says.
        var secrets = new Dictionary<string, string?>
        {
            ["Beratung:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Beratung:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Beratung:Audit:ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };

        Check(Environments.Production, secrets, "appsettings.sample.json");
    }

    [Fact]
    public void ApiSettings_PassEveryStartUpCheck_InDevelopment() =>
        Check(Environments.Development, [], Path.Combine("src", "Ditib.Beratung.Api", "appsettings.json"),
            Path.Combine("src", "Ditib.Beratung.Api", "appsettings.Development.json"));

    [Fact]
    public void SampleSettings_WithoutTheSecrets_FailOutsideDevelopment_NamingEach()
    {
        var error = Assert.Throws<AggregateException>(() => Check(Environments.Production, [], "appsettings.sample.json"));

        var messages = string.Join(" ", error.InnerExceptions.Select(e => e.Message));
        Assert.Contains("Beratung:Encryption:MasterKeys:0:Key", messages, StringComparison.Ordinal);
        Assert.Contains("Beratung__Auth__SigningKey", messages, StringComparison.Ordinal);
        Assert.Contains("Beratung__Audit__ChainKey", messages, StringComparison.Ordinal);
    }

    private static void Check(string environment, Dictionary<string, string?> overrides, params string[] files)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        foreach (var file in files)
        {
            builder.Configuration.AddJsonFile(Path.Combine(ResourceTexts.RepositoryRoot(), file), optional: false);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddInfrastructure();
        builder.Services.AddBeratungRateLimits();
        builder.Services.AddBeratungCors();
        builder.Services.AddBeratungProxies();
        builder.Services.AddDemoData();
        using var host = builder.Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }
}
