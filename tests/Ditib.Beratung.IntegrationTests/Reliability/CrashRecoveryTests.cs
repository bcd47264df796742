using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// The real API as a child process (Kestrel, Production settings, the production password hashing) on a temporary
/// database: killed with SIGKILL in the middle of a stream of bookings, then started again. Loopback only; every
/// child process is killed when the test ends, whatever happens.
/// </summary>
[Trait("Database", "Sqlite")] // SIGKILL of a process on a SQLite file (PostgreSQL: pgmulti's two-instance tests)
public sealed class CrashRecoveryTests : IDisposable
{
    private const string AdminPassword = "Erfundenes-Absturz-Testwort-7";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-crash", Guid.NewGuid().ToString("N"));
    private readonly List<ApiProcess> processes = [];
    private readonly Dictionary<string, string> environment;

    private readonly ITestOutputHelper log;

    public CrashRecoveryTests(ITestOutputHelper log)
    {
        this.log = log;
        Directory.CreateDirectory(folder);
        environment = ApiProcess.ProductionEnvironment($"Data Source={DatabasePath}", "crash-test-key");
    }

    private string DatabasePath => Path.Combine(folder, "b.db");

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }

    [Fact]
    public async Task ApiKilledWithSigkillDuringBookings_KeepsEveryAcknowledgedBooking_AndAnIntactDatabase()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        Assert.Equal(0, await RunVerbAsync(ct, "users", "create-admin", "--username", "absturz.admin"));

        var first = Start();
        using var client = new HttpClient { BaseAddress = first.Address, Timeout = TimeSpan.FromSeconds(20) };
        await first.WaitUntilHealthyAsync(ct);
        var (slots, _) = await ApiProcess.PublishSlotsAsync(client, "absturz.admin", AdminPassword, capacity: 2, ct);

        // Four residents book as fast as they can; the process dies once some 60 bookings have been answered 201.
        var acknowledged = new ConcurrentBag<(string Reference, string Token, Guid SlotId)>();
        var answered = 0;
        var streams = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 500 && !ct.IsCancellationRequested; i++)
            {
                var slotId = slots[(worker + (i * 4)) % slots.Count];
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/bookings",
                        Scenario.Booking(slotId, name: $"Absturz Testperson {worker}-{i}", language: "de"), ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
                        acknowledged.Add((body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>(), slotId));
                    }

                    Interlocked.Increment(ref answered);
                }
                catch (HttpRequestException)
                {
                    return; // The server is gone.
                }
            }
        }, ct)).ToList();

        while (Volatile.Read(ref answered) < 60 && !streams.All(s => s.IsCompleted))
        {
            await Task.Delay(5, ct);
        }

        first.Kill();
        await Task.WhenAll(streams);
        Assert.True(acknowledged.Count >= 30, $"only {acknowledged.Count} bookings were answered before the kill");
        Assert.True(answered < 2_000, "the stream ran to its end: the kill came too late to test anything");

        log.WriteLine($"{acknowledged.Count} bookings answered 201 of {answered} answers before SIGKILL");
        var second = Start();
        using var after = new HttpClient { BaseAddress = second.Address, Timeout = TimeSpan.FromSeconds(20) };
        await second.WaitUntilHealthyAsync(ct);

        foreach (var (reference, token, slotId) in acknowledged)
        {
            using var request = Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token);
            using var response = await after.SendAsync(request, ct);
            await Scenario.EnsureAsync(response, HttpStatusCode.OK);
            var booking = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            Assert.Equal("confirmed", booking["status"]!.GetValue<string>());
            Assert.Equal(slotId, booking["slot"]!["id"]!.GetValue<Guid>());
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync(ct);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check", ct));
        Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check", ct));
        Assert.Equal(0L, await ScalarAsync(connection, """
            SELECT COUNT(*) FROM slot s
            WHERE (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'confirmed') > s.capacity
            """, ct));
        Assert.True((long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM booking", ct))! >= acknowledged.Count);
    }

    [Fact]
    public async Task RealServer_RefusesOversizedAndMalformedRequests_WithoutA5xx()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var ct = timeout.Token;
        var server = Start();
        await server.WaitUntilHealthyAsync(ct);
        var padding = new string('x', 70_000);

        var cases = new (string What, Func<Task<(int Status, string? Type, int Length)>> Send, int[] Expected)[]
        {
            ("body over 64 KB", () => RawAsync(server, $"POST /api/v1/bookings HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: {padding.Length + 11}\r\nConnection: close\r\n\r\n{{\"name\":\"{padding}\"}}", ct), [413]),
            ("chunked body over 64 KB", () => RawAsync(server, $"POST /api/v1/bookings HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{padding.Length + 11:x}\r\n{{\"name\":\"{padding}\"}}\r\n0\r\n\r\n", ct), [400, 413]),
            ("header of 40 KB", () => RawAsync(server, $"GET /api/v1/slots HTTP/1.1\r\nHost: a\r\nX-Booking-Token: {padding[..40_000]}\r\nConnection: close\r\n\r\n", ct), [431]),
            ("URL of 70 KB", () => RawAsync(server, $"GET /api/v1/bookings/{padding} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", ct), [414]),
            ("NUL in the path", () => RawAsync(server, "GET /api/v1/bookings/%00 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", ct), [400]),
            ("bare LF and junk request line", () => RawAsync(server, "GARBAGE\u0001 / HTTP/9.9\n\n", ct), [400, 505]),
            ("invalid UTF-8 in the body", () => RawAsync(server, "POST /api/v1/auth/token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n{\"username\":\"\u00FF\"}", ct, latin1: true), [400]),
        };

        var report = new List<string>();
        foreach (var (what, send, expected) in cases)
        {
            var (status, type, length) = await send();
            report.Add($"{what}: {status} {type ?? "(no content type)"} {length} bytes");
            Assert.True(expected.Contains(status), string.Join("\n", report));
            // Answers from the application are problem details; Kestrel's own refusals come with an empty body.
            Assert.True(type == "application/problem+json" || length == 0, string.Join("\n", report));
        }

        log.WriteLine(string.Join("\n", report));
    }

    private static async Task<(int Status, string? Type, int Length)> RawAsync(ApiProcess server, string request, CancellationToken ct, bool latin1 = false)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Address.Port, ct);
        var stream = tcp.GetStream();
        var bytes = (latin1 ? Encoding.Latin1 : Encoding.UTF8).GetBytes(request);
        try
        {
            await stream.WriteAsync(bytes, ct);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything; the answer is still there to read.
        }

        var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, ct);
        }
        catch (IOException)
        {
            // Connection reset after the answer.
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var head = text.Split("\r\n\r\n", 2);
        var lines = head[0].Split("\r\n");
        Assert.True(lines[0].StartsWith("HTTP/1.1 ", StringComparison.Ordinal), $"no HTTP answer: '{text}'");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var type = lines.FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Split(';')[0].Trim();
        var length = lines.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
            ? int.Parse(header.Split(':', 2)[1].Trim(), CultureInfo.InvariantCulture)
            : head.Length > 1 ? head[1].Length : 0;
        return (status, type, length);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private Task<int> RunVerbAsync(CancellationToken ct, params string[] verb) =>
        ApiProcess.RunVerbAsync(environment, new Dictionary<string, string> { ["BERATUNG_ADMIN_PASSWORD"] = AdminPassword }, verb, ct);

    private ApiProcess Start()
    {
        var server = new ApiProcess(environment);
        processes.Add(server);
        return server;
    }
}
