using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Beratung:Encryption:MasterKeys:0:Id"] = "test-key-1",
        ["Beratung:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Beratung:Encryption:ActiveKeyId"] = "test-key-1",
    };

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

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
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
