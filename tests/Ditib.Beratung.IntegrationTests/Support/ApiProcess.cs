using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// One run of the real API as a child process (Kestrel, the settings of <paramref name="environment"/>) on a free
/// loopback port; disposing kills it if it still runs.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public ApiProcess(Dictionary<string, string> environment)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        process = Launch(environment, ["--urls", Address.ToString().TrimEnd('/')], new Dictionary<string, string>());
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public static Process Launch(Dictionary<string, string> environment, string[] arguments, Dictionary<string, string> extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ditib.Beratung.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment.Concat(extra))
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
    }

    /// <summary>
    /// Production settings for a child API on <paramref name="connectionString"/>, with throw-away keys: children
    /// given the same dictionary share keys and database, as instances of one installation do.
    /// </summary>
    public static Dictionary<string, string> ProductionEnvironment(string connectionString, string keyId = "child-test-key")
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Beratung__Encryption__MasterKeys__0__Id"] = keyId,
            ["Beratung__Encryption__MasterKeys__0__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Beratung__Encryption__ActiveKeyId"] = keyId,
            ["Beratung__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Beratung__Audit__ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Beratung__RateLimiting__Enabled"] = "false",
            ["ConnectionStrings__Beratung"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in TestCentre.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Runs a command-line verb of the API to its end; its exit code.</summary>
    public static async Task<int> RunVerbAsync(Dictionary<string, string> environment, Dictionary<string, string> extra, string[] verb, CancellationToken ct)
    {
        using var process = Launch(environment, verb, extra);
        try
        {
            await process.WaitForExitAsync(ct);
            return process.ExitCode;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary>
    /// Enrols the admin created by <c>users create-admin</c> and publishes a week of 30-minute slots (08:00–20:00, every
    /// day from the day after tomorrow) of a new counsellor through <paramref name="client"/>; their ids, and the admin's
    /// authenticator app.
    /// </summary>
    public static async Task<(List<Guid> Slots, Authenticator AdminApp)> PublishSlotsAsync(
        HttpClient client, string admin, string password, int capacity, CancellationToken ct)
    {
        // The server process runs on the real clock, so the authenticator does too.
        var (token, app) = await Authenticator.EnrolAsync(client, admin, password, NodaTime.SystemClock.Instance, ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var created = await client.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Erfundene Testberaterin Kindprozess", languages = new[] { "de" }, topics = new[] { "family" } }, ct);
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<Guid>();
        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, from = "08:00", to = "20:00", slotMinutes = 30, mode = "phone", location = (string?)null, capacity });
        await Scenario.EnsureAsync(await client.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new { weekly }, ct), HttpStatusCode.OK);
        // The real clock: publish from the day after tomorrow, well past the minimum notice.
        var from = DateTime.UtcNow.Date.AddDays(2);
        await Scenario.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish",
            new { from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = from.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct),
            HttpStatusCode.OK);
        var slots = await client.GetFromJsonAsync<List<JsonObject>>(
            $"/api/v1/counsellors/{id}/slots?from={from:yyyy-MM-dd}&to={from.AddDays(6):yyyy-MM-dd}", ct);
        client.DefaultRequestHeaders.Authorization = null;
        Assert.True(slots!.Count > 100);
        return (slots.Select(s => s["id"]!.GetValue<Guid>()).ToList(), app);
    }

    public async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(process.HasExited, $"The API exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Probe timed out; try again.
            }

            await Task.Delay(50, ct);
        }

        Assert.Fail($"The API did not become healthy:\n{Output}");
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no flush, no checkpoint.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 20_000)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
