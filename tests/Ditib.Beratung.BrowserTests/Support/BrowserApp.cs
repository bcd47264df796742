using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// The whole application (API and residents' pages) on a real loopback port, so that a real browser can reach it:
/// a fresh SQLite file of its own, a fake clock standing at Monday 30 November 2026, 09:00 in Berlin, and throw-away
/// keys. Nothing touches the developer's data folder.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 30, 8, 0);

    private const string AdminPassword = "Erfundenes-Browsertest-Passwort-17";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-browser-tests", Guid.NewGuid().ToString("N"));

    public BrowserApp()
    {
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "beratung.db");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public FakeClock Clock { get; } = new(Start);

    /// <summary>More configuration for this app (e.g. a short idle time), set before it runs.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string DatabasePath { get; }

    /// <summary>The address the browser opens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Starts Kestrel on a free loopback port and learns the address.</summary>
    public void Run()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    /// <summary>An HTTP client for setting up data through the API, signed in as a new admin account.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var username = $"browsertest-admin-{Guid.NewGuid().ToString("N")[..8]}";
        using (SystemScope.Enter())
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser(username, AdminPassword, ["admin"]));
        }

        var client = new HttpClient { BaseAddress = BaseAddress };
        var (token, _) = await EnrolAsync(client, username, AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Sets up the second factor of an account that has none, through the API, as an authenticator app would; returns
    /// the full token and the TOTP secret (compute codes with <see cref="Totp.CodeAt"/>).
    /// </summary>
    public async Task<(string Token, byte[] Secret)> EnrolAsync(HttpClient client, string username, string password)
    {
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        await EnsureAsync(signIn, HttpStatusCode.OK);
        var restricted = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

        using var setup = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/two-factor/setup") { Content = JsonContent.Create(new { }) };
        setup.Headers.Authorization = new AuthenticationHeaderValue("Bearer", restricted);
        var setupAnswer = await client.SendAsync(setup);
        await EnsureAsync(setupAnswer, HttpStatusCode.OK);
        var secret = OtpNet.Base32Encoding.ToBytes((await setupAnswer.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>());

        using var enable = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/two-factor/enable")
        {
            Content = JsonContent.Create(new { code = NextCode(secret) }),
        };
        enable.Headers.Authorization = new AuthenticationHeaderValue("Bearer", restricted);
        var enabled = await client.SendAsync(enable);
        await EnsureAsync(enabled, HttpStatusCode.OK);
        return ((await enabled.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>(), secret);
    }

    /// <summary>
    /// A code the app takes now for this secret: each time step once (the server refuses a replay), moving the fake
    /// clock on by a step when the current one is used up.
    /// </summary>
    public string NextCode(byte[] secret)
    {
        lock (usedSteps)
        {
            var key = Convert.ToBase64String(secret);
            var step = Totp.StepAt(Clock.GetCurrentInstant());
            if (usedSteps.TryGetValue(key, out var used) && used >= step)
            {
                Clock.Advance(NodaTime.Duration.FromSeconds(30 * (used - step + 1)));
                step = used + 1;
            }

            usedSteps[key] = step;
            return Totp.CodeOfStep(secret, step);
        }
    }

    private readonly Dictionary<string, long> usedSteps = [];

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} from {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>A count straight from the database file, e.g. to see that a page's "booked" is really stored.</summary>
    public long Count(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The centre's contact details (required outside Development), obviously invented.</summary>
    public static readonly IReadOnlyDictionary<string, string> CentrePlaceholders = new Dictionary<string, string>
    {
        ["Beratung:Centre:Name"] = "Erfundene Begegnungsstätte Teststadt",
        ["Beratung:Centre:StreetAddress"] = "Teststraße 7",
        ["Beratung:Centre:PostcodeAndCity"] = "47169 Duisburg",
        ["Beratung:Centre:Phone"] = CentrePhone,
        ["Beratung:Centre:Email"] = "test-zentrum@example.invalid",
        ["Beratung:Centre:OpeningHours:de"] = "Mo–Fr 09:00–17:00",
        ["Beratung:Centre:Website"] = "https://zentrum.example.invalid",
        ["Beratung:Centre:DataProtectionOfficer:Name"] = "Erfundene Datenschutzbeauftragte",
        ["Beratung:Centre:DataProtectionOfficer:Email"] = "test-datenschutz@example.invalid",
    };

    public const string CentrePhone = "0203 5550199";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Beratung", $"Data Source={DatabasePath}");
        builder.UseSetting("Beratung:Encryption:MasterKeys:0:Id", "browser-test-key-1");
        builder.UseSetting("Beratung:Encryption:MasterKeys:0:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Beratung:Encryption:ActiveKeyId", "browser-test-key-1");
        builder.UseSetting("Beratung:Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        builder.UseSetting("Beratung:Audit:ChainKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Beratung:RateLimiting:Enabled", "false");
        foreach (var (key, value) in CentrePlaceholders)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Beratung:Retention:Enabled", "false");
        builder.UseSetting("Beratung:ApiDocs:Enabled", "true");
        // The residents here give no contact data, so nothing is queued; no mail goes anywhere in any case.
        builder.UseSetting("Beratung:Messages:DispatcherEnabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
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
