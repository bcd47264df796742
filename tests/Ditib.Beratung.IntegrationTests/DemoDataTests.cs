using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Ditib.Beratung.IntegrationTests;

public sealed class DemoDataTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task DemoData_OffersEveryTopicInEveryLanguage_AtLeastOnce()
    {
        var client = api.CreateClient();
        await DemoData.SeedAsync(api.Services, new Development());
        var topics = (await client.GetFromJsonAsync<List<JsonObject>>("/api/v1/topics"))!;
        var languages = (await client.GetFromJsonAsync<List<JsonObject>>("/api/v1/languages"))!;

        var missing = new List<string>();
        foreach (var topic in topics.Select(t => t["code"]!.GetValue<string>()))
        {
            foreach (var language in languages.Select(l => l["code"]!.GetValue<string>()))
            {
                var slots = await Scenario.SearchAsync(client, $"topic={topic}&language={language}&from=2026-11-30&to=2027-01-09&limit=1");
                if (slots.Count == 0)
                {
                    missing.Add($"{topic} in {language}");
                }
            }
        }

        Assert.True(topics.Count >= 12 && languages.Count >= 10, $"{topics.Count} topics, {languages.Count} languages");
        Assert.True(missing.Count == 0, "no free demo appointment for: " + string.Join(", ", missing));
    }

    private sealed class Development : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Ditib.Beratung.Api";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
