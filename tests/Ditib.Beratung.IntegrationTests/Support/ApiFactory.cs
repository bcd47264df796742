using System.Data.Common;
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
using Npgsql;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// The API over HTTP on a fresh SQLite file of its own, with a fake clock (Monday 30 November 2026, 09:00 in
/// Berlin) and a throw-away master key. Nothing touches the developer's data folder. With
/// <c>BERATUNG_TEST_DATABASE=PostgreSQL</c> (or after <see cref="UsePostgreSql"/>) it runs on a fresh PostgreSQL
/// database of its own instead (<see cref="TestPostgres"/>), dropped when the factory is disposed.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 8, 0);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-tests", Guid.NewGuid().ToString("N"));

    public ApiFactory()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "beratung.db");
        if (TestPostgres.ForEveryHost)
        {
            UsePostgreSql();
        }
    }

    public FakeClock Clock { get; } = new(Start);

    /// <summary>Receives every log line of the host when set before the first client is created.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    /// <summary>The SQLite file; on PostgreSQL a name in the host's data folder (keys, mail pickup), never created.</summary>
    public string DatabasePath { get; private set; }

    /// <summary>The PostgreSQL database's connection string, or null on SQLite.</summary>
    public string? PostgreSqlConnectionString { get; private set; }

    public bool IsPostgreSql => PostgreSqlConnectionString is not null;

    /// <summary>True when this factory created its PostgreSQL database and drops it when disposed.</summary>
    private bool ownsDatabase;

    /// <summary>Runs this host on a fresh PostgreSQL database (a no-op when it already does).</summary>
    public void UsePostgreSql()
    {
        if (IsPostgreSql)
        {
            return;
        }

        PostgreSqlConnectionString = TestPostgres.CreateDatabase();
        ownsDatabase = true;
    }

    /// <summary>Runs this host on another host's database and keys (to test two processes on one database).</summary>
    public void UseDatabaseOf(ApiFactory other)
    {
        if (ownsDatabase)
        {
            TestPostgres.DropDatabase(PostgreSqlConnectionString!);
            ownsDatabase = false;
        }

        DatabasePath = other.DatabasePath;
        PostgreSqlConnectionString = other.PostgreSqlConnectionString;
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

    /// <summary>A connection of the test's own to the host's database (SQLite or PostgreSQL), outside the application.</summary>
    public DbConnection OpenDatabase()
    {
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (IsPostgreSql)
        {
            builder.UseSetting("Beratung:Database:Provider", "PostgreSQL");
            builder.UseSetting("Beratung:Database:DataFolder", Path.GetDirectoryName(DatabasePath));
            builder.UseSetting("ConnectionStrings:Beratung", PostgreSqlConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Beratung", $"Data Source={DatabasePath}");
        }

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
            if (ownsDatabase)
            {
                TestPostgres.DropDatabase(PostgreSqlConnectionString!);
                ownsDatabase = false;
            }

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
