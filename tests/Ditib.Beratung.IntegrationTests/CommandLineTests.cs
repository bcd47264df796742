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

    private static string? NoEnvironment(string name) => null;

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task Help_PrintsEveryVerbOnOneLine_AndExits0_WithoutStartingAnything(string asked)
    {
        var exit = await ApiProgram.RunAsync(new Dictionary<string, string>(), asked);

        Assert.Equal(0, exit.Code);
        Assert.Equal("", exit.Error);
        foreach (var verb in new[] { "users create-admin --username NAME", "audit verify", "retention run", "backup --to PATH", "copy-to-postgresql --connection", "keys rotate", "help" })
        {
            Assert.Single(exit.Output.Split('\n'), line => line.TrimStart().StartsWith(verb, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UnknownVerb_PrintsTheVerbs_AndExits2()
    {
        var exit = await ApiProgram.RunAsync(new Dictionary<string, string>(), "frobnicate");

        Assert.Equal(2, exit.Code);
        Assert.Contains("Unknown verb 'frobnicate'", exit.Error, StringComparison.Ordinal);
        Assert.Contains("audit verify", exit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_ReadsThePasswordFromStandardInput_AndTheAdminCanSignIn()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username", "erste.admin"],
            new StringReader("Erstes-Admin-Testwort-1\n"), output, error, NoEnvironment);

        Assert.Equal(0, exit);
        Assert.Contains("erste.admin", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Erstes-Admin-Testwort-1", output.ToString() + error, StringComparison.Ordinal);
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "erste.admin", password = "Erstes-Admin-Testwort-1" });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        // The first admin chose the password, so no change is asked; the second factor is set up next.
        Assert.Equal("two-factor-setup", (await signIn.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["requires"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(await api.EnrolAsync(api.CreateClient(), "erste.admin", "Erstes-Admin-Testwort-1")));
    }

    [Fact]
    public async Task CreateAdmin_WithAWeakPassword_FailsAndSaysWhy()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username=zweite.admin"], new StringReader("kurz\n"), output, error,
            NoEnvironment);

        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_TakesThePasswordFromTheEnvironment_AndASecondAdminNeedsForce()
    {
        string? Environment(string name) => name == CommandLine.PasswordVariable ? "Aus-der-Umgebung-Testwort-3" : null;
        var error = new StringWriter();

        var first = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username", "umgebung.admin"], TextReader.Null,
            TextWriter.Null, error, Environment);
        var second = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username", "noch.ein.admin"], TextReader.Null,
            TextWriter.Null, error, Environment);
        var forced = await CommandLine.RunAsync(api.Services, ["users", "create-admin", "--username", "noch.ein.admin", "--force"], TextReader.Null,
            TextWriter.Null, error, Environment);

        Assert.Equal([0, 1, 0], new[] { first, second, forced });
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "umgebung.admin", password = "Aus-der-Umgebung-Testwort-3" });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeysRotate_ReportsWhatItDid()
    {
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(api.Services, ["keys", "rotate"], TextReader.Null, output, TextWriter.Null, NoEnvironment);

        Assert.Equal(0, exit);
        Assert.Contains("under master key 'test-key-1'", output.ToString(), StringComparison.Ordinal);
    }

    [Trait("Database", "Sqlite")] // the backup verb copies the SQLite file
    [Fact]
    [Trait("Database", "Sqlite")] // the backup verb copies the SQLite file; on PostgreSQL it points to pg_dump (CopyToPostgreSqlTests)
    public async Task RetentionDryRun_AndBackup_RunFromTheCommandLine()
    {
        var output = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), "ditib-beratung-tests", Guid.NewGuid().ToString("N"), "backup.db");

        var dry = await CommandLine.RunAsync(api.Services, ["retention", "run", "--dry-run"], TextReader.Null, output, TextWriter.Null, NoEnvironment);
        var backup = await CommandLine.RunAsync(api.Services, ["backup", "--to", path], TextReader.Null, output, TextWriter.Null, NoEnvironment);
        var again = await CommandLine.RunAsync(api.Services, ["backup", "--to", path], TextReader.Null, output, TextWriter.Null, NoEnvironment);

        Assert.Equal([0, 0, 1], new[] { dry, backup, again });
        Assert.Contains("Would erase", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("integrity check: ok", output.ToString(), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [PostgreSqlFact]
    public async Task Backup_OnPostgreSql_SaysThatPgDumpTakesBackups_WritesNothing_AndKeepsThePasswordOut()
    {
        using var postgres = new ApiFactory();
        postgres.UsePostgreSql();
        postgres.CreateClient();
        var error = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), "ditib-beratung-tests", Guid.NewGuid().ToString("N"), "backup.db");

        var exit = await CommandLine.RunAsync(postgres.Services, ["backup", "--to", path], TextReader.Null, TextWriter.Null, error, NoEnvironment);

        Assert.Equal(1, exit);
        Assert.Contains("backups are pg_dump's job", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("pg_dump --format=custom", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(new Npgsql.NpgsqlConnectionStringBuilder(postgres.PostgreSqlConnectionString).Database!, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Program_TreatsOnlyItsVerbsAsVerbs()
    {
        Assert.True(CommandLine.IsVerb(["users", "create-admin"]));
        Assert.True(CommandLine.IsVerb(["audit", "verify"]));
        Assert.True(CommandLine.IsVerb(["keys", "rotate"]));
        Assert.False(CommandLine.IsVerb(["--urls", "http://127.0.0.1:5000"]));
        Assert.False(CommandLine.IsVerb(["urls=http://127.0.0.1:5000"]));
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
