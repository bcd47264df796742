using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using MediatR;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// The API over HTTP on a fresh SQLite file of its own, with a fake clock (Monday 30 November 2026, 09:00 in
/// Berlin) and a throw-away master key. Nothing touches the developer's data folder.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 8, 0);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-tests", Guid.NewGuid().ToString("N"));

    public ApiFactory()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "beratung.db");
    }

    public FakeClock Clock { get; } = new(Start);

    /// <summary>Receives every log line of the host when set before the first client is created.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    public string DatabasePath { get; private set; }

    /// <summary>Runs this host on another host's database file and keys (to test two processes on one file).</summary>
    public void UseDatabaseOf(ApiFactory other)
    {
        DatabasePath = other.DatabasePath;
        foreach (var (key, value) in other.Settings)
        {
            Settings[key] = value;
        }
    }

    public Dictionary<string, string?> Settings { get; } = new(TestCentre.Settings.ToDictionary(s => s.Key, string? (s) => s.Value))
    {
        ["Beratung:Encryption:MasterKeys:0:Id"] = "test-key-1",
        ["Beratung:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Beratung:Encryption:ActiveKeyId"] = "test-key-1",
        ["Beratung:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Beratung:Audit:ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Beratung:RateLimiting:Enabled"] = "false",
        ["Beratung:Retention:Enabled"] = "false",
        ["Beratung:ApiDocs:Enabled"] = "true",
        // Tests dispatch the outbox themselves (OutboxDispatcher.DispatchOnceAsync), at the fake clock's time.
        ["Beratung:Messages:DispatcherEnabled"] = "false",
    };

    /// <summary>More service registrations for a test (after the app's own), set before the first client is created.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public const string TestPassword = "Erfundenes-Testpasswort-42";

    /// <summary>Handlers every client of <see cref="NewClient"/> sends through (e.g. one that records the answers).</summary>
    public Func<DelegatingHandler[]>? ClientHandlers { get; set; }

    /// <summary>An anonymous client, through <see cref="ClientHandlers"/> when set.</summary>
    public HttpClient NewClient() => ClientHandlers is null ? CreateClient() : CreateDefaultClient(ClientHandlers());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Authenticator> authenticators = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A client signed in as a new account with these roles (created through the application, as the system).</summary>
    public HttpClient CreateClientAs(params string[] roles) => CreateClientAsAsync(roles).GetAwaiter().GetResult().Client;

    public async Task<(HttpClient Client, Guid UserId, string Username)> CreateClientAsAsync(params string[] roles)
    {
        var username = $"test-{string.Join('-', roles)}-{Guid.NewGuid().ToString("N")[..8]}";
        var user = await CreateUserAsync(username, roles);
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EnrolAsync(client, username));
        return (client, user.Id, username);
    }

    /// <summary>An account created by the system (as the command-line verb does): its password needs no change, it has no second factor yet.</summary>
    public async Task<UserDto> CreateUserAsync(string username, params string[] roles)
    {
        using (SystemScope.Enter())
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser(username, TestPassword, roles));
        }
    }

    /// <summary>
    /// Signs in as an account without a second factor and sets one up through the API, as a person would with an
    /// authenticator app (kept in <see cref="AuthenticatorOf"/>); returns the full token the set-up answers with.
    /// </summary>
    public async Task<string> EnrolAsync(HttpClient client, string username, string password = TestPassword)
    {
        var (token, authenticator) = await Authenticator.EnrolAsync(client, username, password, Clock);
        authenticators[username] = authenticator;
        return token;
    }

    /// <summary>The authenticator app of an account enrolled by <see cref="EnrolAsync"/>.</summary>
    public Authenticator AuthenticatorOf(string username) => authenticators[username];

    /// <summary>The body of a complete sign-in: user name, password and a fresh code of the account's authenticator.</summary>
    public object SignInBody(string username, string password = TestPassword) =>
        new { username, password, code = AuthenticatorOf(username).NextCode() };

    /// <summary>A fresh client for an existing, enrolled account, e.g. after the fake clock has outrun the old token.</summary>
    public async Task<HttpClient> SignInAsync(string username)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", SignInBody(username));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Beratung", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            // Fewer PBKDF2 rounds than production, so that a hundred sign-ins do not dominate the test run.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            if (LoggerProvider is not null)
            {
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(LoggerProvider));
            }

            ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS's temp clean-up.
            }
        }
    }
}
