using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// The background jobs of two hosts on one PostgreSQL database: the outbox dispatchers of both take messages at the
/// same time and each message goes out once; the retention job runs on one instance at a time.
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class SharedDatabaseJobTests : IDisposable
{
    private readonly ApiFactory first = new();
    private readonly ApiFactory second = new();

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    private void StartBoth()
    {
        first.UsePostgreSql();
        first.CreateClient();
        second.UseDatabaseOf(first);
        second.CreateClient();
    }

    [PostgreSqlFact]
    public async Task TwoDispatchersAtOnce_SendEachMessageOnce()
    {
        using var smtp = new TestSmtpServer();
        smtp.Configure(first);
        first.Settings["Beratung:PublicBaseUrl"] = Outbox.BaseUrl;
        StartBoth();
        var desk = first.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(desk);
        var addresses = slots.Take(20).Select((slot, i) => (Slot: Outbox.Id(slot), Address: $"einmal-{i}@example.invalid")).ToList();
        foreach (var (slot, address) in addresses)
        {
            var booked = await first.CreateClient().PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slot, email: address, phone: null));
            await Scenario.EnsureAsync(booked, HttpStatusCode.Created);
        }

        var reports = await Task.WhenAll(Outbox.DispatchAsync(first), Outbox.DispatchAsync(second), Outbox.DispatchAsync(first), Outbox.DispatchAsync(second));

        Assert.Equal(addresses.Count, reports.Sum(r => r.Sent));
        Assert.All(addresses, a => Assert.Single(smtp.To(a.Address)));
        Assert.Equal(0, Scenario.Count(first, "SELECT COUNT(*) FROM outbox_message WHERE state = 'pending' AND kind = 'confirmation'"));
    }

    [PostgreSqlFact]
    public async Task Retention_RunsOnOneInstanceAtATime_TheOtherSkipsItsTurn()
    {
        var logs = new CapturingLoggerProvider();
        second.LoggerProvider = logs;
        StartBoth();
        var onFirst = first.Services.GetRequiredService<SingleInstanceRun>();
        var onSecond = second.Services.GetRequiredService<SingleInstanceRun>();

        await using (var running = await onFirst.TryEnterAsync(SingleInstanceRun.Retention, CancellationToken.None))
        {
            Assert.NotNull(running);
            Assert.Null(await onSecond.TryEnterAsync(SingleInstanceRun.Retention, CancellationToken.None));
            var settings = second.Services.GetRequiredService<RetentionSettings>() with { Enabled = true };
            using var job = new RetentionJob(second.Services, settings, second.Services.GetRequiredService<ILogger<RetentionJob>>());
            await job.StartAsync(CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!logs.Lines.Any(l => l.Contains("another instance is running it now", StringComparison.Ordinal)))
            {
                await Task.Delay(20, timeout.Token);
            }

            await job.StopAsync(CancellationToken.None);
            Assert.DoesNotContain(logs.Lines, l => l.Contains("Retention: erased", StringComparison.Ordinal));
        }

        await using var afterwards = await onSecond.TryEnterAsync(SingleInstanceRun.Retention, CancellationToken.None);
        Assert.NotNull(afterwards);
    }
}
