using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.IntegrationTests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// Two real API processes (Kestrel, Production settings) on one PostgreSQL database, as two instances behind a load
/// balancer: the booking guarantees, the outbox, idempotent retries and sign-in lockout hold across them. The
/// instances start once for the class; each test takes slots of its own. PostgreSQL-only; loopback only; every child
/// process is killed at the end.
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class TwoInstanceTests(TwoInstanceTests.Instances instances, ITestOutputHelper log) : IClassFixture<TwoInstanceTests.Instances>
{
    [PostgreSqlFact]
    public async Task FiftyConcurrentBookings_ThroughBothInstances_ForOnePlace_GiveExactlyOne201()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var slotId = instances.TakeSlot();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await go.Task;
            using var response = await instances.Client(i).PostAsJsonAsync("/api/v1/bookings",
                Scenario.Booking(slotId, name: $"Gleichzeitige Testperson {i}", email: null, language: "de"), ct);
            return response.StatusCode;
        }).ToList();

        go.SetResult();
        var statuses = await Task.WhenAll(attempts);

        log.WriteLine(string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}: {g.Count()}")));
        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1L, instances.Scalar($"SELECT COUNT(*) FROM booking WHERE slot_id = '{slotId}'"));
        Assert.Equal(1L, instances.Scalar($"SELECT places_taken FROM slot WHERE id = '{slotId}'"));
    }

    [PostgreSqlFact]
    public async Task ThirtyConcurrentBookings_OfDifferentSlots_ThroughBothInstances_AllSucceed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var slotIds = Enumerable.Range(0, 30).Select(_ => instances.TakeSlot()).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = slotIds.Select(async (slotId, i) =>
        {
            await go.Task;
            using var response = await instances.Client(i).PostAsJsonAsync("/api/v1/bookings",
                Scenario.Booking(slotId, name: $"Parallele Testperson {i}", email: null, language: "de"), ct);
            return response.StatusCode;
        }).ToList();

        go.SetResult();
        var statuses = await Task.WhenAll(attempts);

        // Every command appends to the audit chain: they must queue for it, not run out of attempts (503).
        log.WriteLine(string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}: {g.Count()}")));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(30L, instances.Scalar($"SELECT COUNT(*) FROM booking WHERE slot_id IN ('{string.Join("', '", slotIds)}')"));
    }

    [PostgreSqlFact]
    public async Task ABookingMadeOnOneInstance_IsReadMovedAndCancelledOnTheOther()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var (first, second) = (instances.TakeSlot(), instances.TakeSlot());
        using var made = await instances.A.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(first, language: "de"), ct);
        await Scenario.EnsureAsync(made, HttpStatusCode.Created);
        var booked = (await made.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var reference = booked["reference"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();

        using var read = await instances.B.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token), ct);
        await Scenario.EnsureAsync(read, HttpStatusCode.OK);
        Assert.Equal("Erfundene Testperson", (await read.Content.ReadFromJsonAsync<JsonObject>(ct))!["name"]!.GetValue<string>());
        using var moved = await instances.B.SendAsync(
            Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token, new { slotId = second }), ct);
        await Scenario.EnsureAsync(moved, HttpStatusCode.OK);
        using var cancelled = await instances.B.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { }), ct);
        await Scenario.EnsureAsync(cancelled, HttpStatusCode.OK);

        using var after = await instances.A.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token), ct);
        var booking = (await after.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        Assert.Equal("cancelled-by-resident", booking["status"]!.GetValue<string>());
        Assert.Equal(second, booking["slot"]!["id"]!.GetValue<Guid>());
        Assert.Equal(0L, instances.Scalar($"SELECT places_taken FROM slot WHERE id IN ('{first}', '{second}') ORDER BY places_taken DESC LIMIT 1"));
    }

    [PostgreSqlFact]
    public async Task WithBothDispatchersOn_EachOutboxMessageIsSentExactlyOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var addresses = Enumerable.Range(0, 30).Select(i => $"einmal-{Guid.NewGuid():N}-{i}@example.invalid").ToList();

        // Booked one after the other, alternating between the instances: what races here are the two dispatchers.
        foreach (var (address, i) in addresses.Select((address, i) => (address, i)))
        {
            using var response = await instances.Client(i).PostAsJsonAsync("/api/v1/bookings",
                Scenario.Booking(instances.TakeSlot(), name: $"Post Testperson {i}", email: address, phone: null, language: "de"), ct);
            await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        }

        // Until the server has every confirmation and none is left pending (taken but not yet recorded, or not yet taken).
        while (addresses.Any(a => instances.Smtp.To(a).Count == 0) ||
               instances.Scalar("SELECT COUNT(*) FROM outbox_message WHERE kind = 'confirmation' AND state = 'pending'") > 0)
        {
            await Task.Delay(100, ct);
        }

        var perAddress = addresses.Select(a => instances.Smtp.To(a).Count).ToList();
        log.WriteLine($"{perAddress.Sum()} messages for {addresses.Count} bookings");
        Assert.All(perAddress, count => Assert.Equal(1, count));
        Assert.Equal(addresses.Count, addresses.SelectMany(a => instances.Smtp.To(a)).Select(m => m.MessageId).Distinct().Count());
    }

    [PostgreSqlFact]
    public async Task AnIdempotentRetry_LandingOnTheOtherInstance_GetsTheSameAnswer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var slotId = instances.TakeSlot();
        var key = $"zwei-instanzen-{Guid.NewGuid():N}";

        async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
            {
                Content = JsonContent.Create(Scenario.Booking(slotId, language: "de")),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        var first = await SendAsync(instances.A);
        var retry = await SendAsync(instances.B);
        var together = await Task.WhenAll(SendAsync(instances.A), SendAsync(instances.B));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.All(together.Append(retry), answer => Assert.Equal(first, answer));
        Assert.Equal(1L, instances.Scalar($"SELECT COUNT(*) FROM booking WHERE slot_id = '{slotId}'"));
    }

    [PostgreSqlFact]
    public async Task SignInFailures_CountAcrossInstances_TheLockoutHoldsOnBoth()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        // Both instances trust the load balancer on loopback, which names the client's address.
        var source = $"203.0.113.{Random.Shared.Next(1, 250)}";
        async Task<HttpStatusCode> SignInAsync(HttpClient client, string from, string password, string? code = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { username = Instances.Admin, password, code }),
            };
            request.Headers.Add("X-Forwarded-For", from);
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode;
        }

        // Five failures (the default Beratung:Auth:LockoutAttempts), three on one instance and two on the other.
        foreach (var client in new[] { instances.A, instances.B, instances.A, instances.B, instances.A })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, source, "Falsches-Testwort-0"));
        }

        // Neither instance alone saw five, yet a complete, right sign-in from that address is refused on both, while
        // the same sign-in from another address goes through: the count is in the database.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(instances.A, source, Instances.AdminPassword, instances.AdminApp.NextCode()));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(instances.B, source, Instances.AdminPassword, instances.AdminApp.NextCode()));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(instances.B, "198.51.100.23", Instances.AdminPassword, instances.AdminApp.NextCode()));
        Assert.True(instances.Scalar("SELECT COUNT(*) FROM audit_entry WHERE action = 'auth.lockout'") >= 1);
    }

    [PostgreSqlFact]
    public async Task OneInstanceKilledWithSigkill_DuringBookingsThroughBoth_LosesNoAcknowledgedBooking()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        using var doomed = instances.StartThird();
        await doomed.WaitUntilHealthyAsync(ct);
        using var toDoomed = new HttpClient { BaseAddress = doomed.Address, Timeout = TimeSpan.FromSeconds(20) };
        var slots = Enumerable.Range(0, 60).Select(_ => instances.TakeSlot()).ToList();
        var acknowledged = new ConcurrentBag<(string Reference, string Token, Guid SlotId)>();
        var answeredByDoomed = 0;

        var streams = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var client = worker % 2 == 0 ? toDoomed : instances.B;
            for (var i = worker; i < slots.Count * 2; i += 4)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/bookings",
                        Scenario.Booking(slots[i % slots.Count], name: $"Absturz Testperson {worker}-{i}", email: null, language: "de"), ct);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
                        acknowledged.Add((body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>(), slots[i % slots.Count]));
                    }

                    if (client == toDoomed)
                    {
                        Interlocked.Increment(ref answeredByDoomed);
                    }
                }
                catch (HttpRequestException)
                {
                    client = instances.B; // The instance is gone: the load balancer sends the rest to the other one.
                }
            }
        }, ct)).ToList();

        while (Volatile.Read(ref answeredByDoomed) < 20 && !streams.All(s => s.IsCompleted))
        {
            await Task.Delay(5, ct);
        }

        doomed.Kill();
        await Task.WhenAll(streams);
        log.WriteLine($"{acknowledged.Count} bookings answered 201; {answeredByDoomed} answers from the killed instance");
        Assert.True(answeredByDoomed < slots.Count, "the killed instance answered all its bookings: the kill came too late to test anything");

        foreach (var (reference, token, slotId) in acknowledged)
        {
            using var response = await instances.B.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token), ct);
            await Scenario.EnsureAsync(response, HttpStatusCode.OK);
            var booking = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            Assert.Equal("confirmed", booking["status"]!.GetValue<string>());
            Assert.Equal(slotId, booking["slot"]!["id"]!.GetValue<Guid>());
        }

        var slotList = string.Join(", ", slots.Select(s => $"'{s}'"));
        Assert.Equal(0L, instances.Scalar($"""
            SELECT COUNT(*) FROM slot s
            WHERE s.id IN ({slotList})
              AND ((SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'confirmed') > s.capacity
                   OR (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'confirmed') <> s.places_taken)
            """));
    }

    /// <summary>The database, the test SMTP server and the two instances, shared by the tests of the class.</summary>
    public sealed class Instances : IAsyncLifetime
    {
        public const string Admin = "zwei.admin";
        public const string AdminPassword = "Erfundenes-Zwei-Instanzen-Testwort-5";

        private readonly string folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-two", Guid.NewGuid().ToString("N"));
        private readonly List<ApiProcess> processes = [];
        private readonly ConcurrentQueue<Guid> slots = new();
        private Dictionary<string, string> environment = [];
        private string database = "";

        public TestSmtpServer Smtp { get; } = new();

        public HttpClient A { get; private set; } = null!;

        public HttpClient B { get; private set; } = null!;

        /// <summary>The admin's authenticator app (real clock, as the instances).</summary>
        public Authenticator AdminApp { get; private set; } = null!;

        /// <summary>A or B, alternating with <paramref name="i"/>, as a load balancer would.</summary>
        public HttpClient Client(int i) => i % 2 == 0 ? A : B;

        /// <summary>A slot with one place nobody else uses.</summary>
        public Guid TakeSlot() => slots.TryDequeue(out var slot) ? slot : throw new InvalidOperationException("The fixture ran out of slots.");

        public async Task InitializeAsync()
        {
            if (TestPostgres.AdminConnectionString is null && !TestPostgres.OnCi)
            {
                return; // every test skips
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var ct = timeout.Token;
            Directory.CreateDirectory(folder);
            database = TestPostgres.CreateDatabase();
            environment = ApiProcess.ProductionEnvironment(database, "two-instance-test-key");
            environment["Beratung__Database__Provider"] = "PostgreSQL";
            environment["Beratung__Database__DataFolder"] = folder;
            environment["Beratung__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1";
            environment["Beratung__Messages__DispatchIntervalSeconds"] = "1";
            environment["Beratung__Messages__Email__Smtp__Host"] = "127.0.0.1";
            environment["Beratung__Messages__Email__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["Beratung__Messages__Email__Smtp__Security"] = "None";
            environment["Beratung__Messages__Email__Smtp__TimeoutSeconds"] = "10";
            Assert.Equal(0, await ApiProcess.RunVerbAsync(environment, new Dictionary<string, string> { ["BERATUNG_ADMIN_PASSWORD"] = AdminPassword },
                ["users", "create-admin", "--username", Admin], ct));

            var (a, b) = (Start(), Start());
            await Task.WhenAll(a.WaitUntilHealthyAsync(ct), b.WaitUntilHealthyAsync(ct));
            A = new HttpClient { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(30) };
            B = new HttpClient { BaseAddress = b.Address, Timeout = TimeSpan.FromSeconds(30) };
            (var published, AdminApp) = await ApiProcess.PublishSlotsAsync(A, Admin, AdminPassword, capacity: 1, ct);
            foreach (var slot in published)
            {
                slots.Enqueue(slot);
            }
        }

        /// <summary>One more instance on the same database and settings (disposing it kills it).</summary>
        public ApiProcess StartThird() => Start();

        public long Scalar(string sql)
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public Task DisposeAsync()
        {
            A?.Dispose();
            B?.Dispose();
            foreach (var process in processes)
            {
                process.Dispose();
            }

            Smtp.Dispose();
            if (database.Length > 0)
            {
                TestPostgres.DropDatabase(database);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp clean-up, or never made (the tests skipped).
            }

            return Task.CompletedTask;
        }

        private ApiProcess Start()
        {
            var process = new ApiProcess(environment);
            lock (processes)
            {
                processes.Add(process);
            }

            return process;
        }
    }
}
