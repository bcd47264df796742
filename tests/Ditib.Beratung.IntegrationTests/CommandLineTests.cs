using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Api;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class CommandLineTests : IDisposable
{
    private readonly ApiFactory api = new();

    public CommandLineTests() => api.CreateClient();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task CreateAdmin_ReadsThePasswordFromStandardInput_AndTheAdminCanSignIn()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username", "erste.admin"],
            new StringReader("Erstes-Admin-Testwort-1\n"), output, error);

        Assert.Equal(0, exit);
        Assert.Contains("erste.admin", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Erstes-Admin-Testwort-1", output.ToString() + error, StringComparison.Ordinal);
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "erste.admin", password = "Erstes-Admin-Testwort-1" });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAdmin_WithAWeakPassword_FailsAndSaysWhy()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username=zweite.admin"], new StringReader("kurz\n"), output, error);

        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsage()
    {
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(api.Services, ["users", "delete-everyone"], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("users create-admin --username NAME", error.ToString(), StringComparison.Ordinal);
    }
}
