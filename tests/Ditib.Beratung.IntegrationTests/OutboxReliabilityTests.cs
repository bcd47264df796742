using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>At least once, recognisably: a crash after sending resends with the same Message-ID; refusals are retried, then shown.</summary>
public sealed class OutboxReliabilityTests : IDisposable
{
    private const string Address = "zuverlaessig.testperson@example.org";

    private readonly TestSmtpServer smtp = new();
    private readonly List<ApiFactory> hosts = [];

    public void Dispose()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            host.Dispose();
        }

        smtp.Dispose();
    }

    [Fact]
    public async Task DispatcherKilledBetweenSendingAndMarkingSent_ResendsOnRestart_WithTheSameMessageId()
    {
        using var crash = new CancellationTokenSource();
        var first = Host();
        first.ConfigureServices = services => services.AddSingleton<IMailTransport>(provider =>
            new CrashAfterSending(new SmtpMailTransport(provider.GetRequiredService<MessagingOptions>().Smtp!), crash));
        var (reference, _) = await BookAsync(first);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchAsync(first, crash.Token));
        var afterCrash = Row(first);

        var restarted = Host();
        restarted.UseDatabaseOf(first);
        await DispatchAsync(restarted); // the next try is not due yet
        var beforeRetry = smtp.Received.Count;
        restarted.Clock.Advance(Duration.FromMinutes(1));
        await DispatchAsync(restarted);
        await DispatchAsync(restarted);

        Assert.Equal(("pending", 1L), afterCrash);
        Assert.Equal(1, beforeRetry);
        var copies = smtp.To(Address);
        Assert.Equal(2, copies.Count);
        Assert.Equal(copies[0].MessageId, copies[1].MessageId);
        Assert.Equal(("sent", 2L), Row(restarted));
        Assert.Contains(reference, copies[1].Subject + Text(copies[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusingSmtpServer_IsRetriedWithBackOff_ThenFailsVisibly_AndTheBookingStands()
    {
        const string refused = "abgelehnt.testperson@example.org";
        smtp.Refuses = address => address == refused;
        var api = Host();
        api.Settings["Beratung:Messages:MaxAttempts"] = "3";
        api.Settings["Beratung:Messages:RetryBaseSeconds"] = "60";
        var (staff, _, _) = await api.CreateClientAsAsync(Roles.Staff);
        var (reference, token) = await BookAsync(api, refused);

        var attempts = new List<long>();
        async Task StepAsync(int seconds)
        {
            api.Clock.Advance(Duration.FromSeconds(seconds));
            await DispatchAsync(api);
            attempts.Add(Scenario.Count(api, "SELECT attempts FROM outbox_message WHERE kind = 'confirmation' AND channel = 'email'"));
        }

        await StepAsync(0);   // attempt 1 fails
        await StepAsync(0);   // not due again yet
        await StepAsync(59);
        await StepAsync(1);   // 60 s after the first: attempt 2
        await StepAsync(119);
        await StepAsync(1);   // 120 s after the second: attempt 3, the last
        await StepAsync(3600);

        Assert.Equal([1, 1, 1, 2, 2, 3, 3], attempts);
        Assert.Empty(smtp.Received);
        var failed = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/outbox?state=failed");
        var entry = Assert.Single(failed!);
        Assert.Equal(reference, entry["bookingReference"]!.GetValue<string>());
        Assert.Equal("confirmation", entry["kind"]!.GetValue<string>());
        Assert.Equal("email", entry["channel"]!.GetValue<string>());
        Assert.Equal(3, entry["attempts"]!.GetValue<int>());
        Assert.Equal("smtp-550-RecipientNotAccepted", entry["lastError"]!.GetValue<string>());
        Assert.DoesNotContain(refused, await staff.GetStringAsync("/api/v1/outbox"), StringComparison.OrdinalIgnoreCase);

        var booking = await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));
        await Scenario.EnsureAsync(booking, HttpStatusCode.OK);
        Assert.Equal("confirmed", (await booking.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnreachableSmtpServer_LeavesTheMessagePending_WithAConnectError()
    {
        var api = new ApiFactory();
        hosts.Add(api);
        api.Settings["Beratung:Messages:Email:Smtp:Host"] = "127.0.0.1";
        api.Settings["Beratung:Messages:Email:Smtp:Port"] = TestSmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        api.Settings["Beratung:Messages:Email:Smtp:Security"] = "None";
        var (staff, _, _) = await api.CreateClientAsAsync(Roles.Staff);
        await BookAsync(api);

        var report = await DispatchAsync(api);
        var pending = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/outbox?state=pending");

        Assert.Equal(1, report.Retrying);
        var confirmation = Assert.Single(pending!, e => e["kind"]!.GetValue<string>() == "confirmation");
        Assert.StartsWith("connect-", confirmation["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, confirmation["attempts"]!.GetValue<int>());
        Assert.NotNull(confirmation["nextAttemptAt"]);
    }

    [Fact]
    public async Task OutboxList_WithAnUnknownState_Returns400ProblemDetails()
    {
        var api = Host();
        var (staff, _, _) = await api.CreateClientAsAsync(Roles.Staff);

        var response = await staff.GetAsync("/api/v1/outbox?state=verschickt");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Scenario.ProblemAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("state") || errors.ContainsKey("State"), errors.ToJsonString());
    }

    private ApiFactory Host()
    {
        var api = new ApiFactory();
        smtp.Configure(api);
        hosts.Add(api);
        return api;
    }

    private static (string State, long Attempts) Row(ApiFactory api)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, attempts FROM outbox_message WHERE kind = 'confirmation' AND channel = 'email'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task<(string Reference, string Token)> BookAsync(ApiFactory api, string email = Address)
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, "2026-12-03T09:00")), name: "Testperson Ayşe Beispiel", email: email, language: "de"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }

    /// <summary>Sends, then "dies": stops the dispatcher before it can record that the message went out.</summary>
    private sealed class CrashAfterSending(IMailTransport inner, CancellationTokenSource crash) : IMailTransport
    {
        public string Name => inner.Name;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            await crash.CancelAsync();
            crash.Token.ThrowIfCancellationRequested();
        }
    }
}
