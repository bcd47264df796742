using System.Collections.Concurrent;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Messages;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// An e-mail, once composed and handed over, is garbage (issue 19: every message ever composed stayed reachable from
/// the one sender address in the options, through MimeKit's change events).
/// </summary>
public sealed class OutboxMemoryTests : IDisposable
{
    private const int Passes = 25;

    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly ConcurrentQueue<WeakReference> handedOver = new();

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Theory]
    [InlineData("pickup folder")]
    [InlineData("smtp")]
    public async Task AThousandEmails_HandedOverByTheDispatcher_AreNotKeptReachable(string transport)
    {
        if (transport == "smtp")
        {
            smtp.Configure(api);
        }

        UseTransport(message => handedOver.Enqueue(new WeakReference(message)));
        var staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        foreach (var slot in slots)
        {
            await Scenario.BookAsync(staff, Id(slot));
        }

        var (sent, received) = (0, 0);
        for (var pass = 0; pass < Passes; pass++)
        {
            // The same confirmations again: each pass composes and hands over a fresh e-mail per booking.
            Requeue(api);
            sent += (await DispatchAsync(api)).Sent;
            received += smtp.Received.Count;
            smtp.Received.Clear();
        }

        Assert.Equal(slots.Count * Passes, sent);
        Assert.Equal(sent, handedOver.Count);
        Assert.Equal(transport == "smtp" ? sent : 0, received);
        Assert.Equal(0, await StillReachableAsync(handedOver));
    }

    [Fact]
    public async Task DispatchPass_WhileMessagesKeepArriving_ReturnsAfterItsBound_AndTheNextPassGoesOn()
    {
        var arriving = true;
        UseTransport(_ =>
        {
            if (arriving)
            {
                Arrive(api);
            }
        });
        var staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        await Scenario.BookAsync(staff, Id(slots[^1]));
        using var runaway = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // stops a pass that never returns

        // Each message sent brings a new one; before issue 19 the pass never returned.
        var first = await DispatchAsync(api, runaway.Token).WaitAsync(TimeSpan.FromSeconds(60));
        var second = await DispatchAsync(api, runaway.Token).WaitAsync(TimeSpan.FromSeconds(60));
        arriving = false;
        var last = await DispatchAsync(api, runaway.Token).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((OutboxDispatcher.MaxBatchesPerPass, true), (first.Sent, first.MoreDue));
        Assert.Equal((OutboxDispatcher.MaxBatchesPerPass, true), (second.Sent, second.MoreDue));
        Assert.Equal((1, false), (last.Sent, last.MoreDue));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE state = 'pending' AND kind <> 'reminder'"));
    }

    /// <summary>The app's own transport (SMTP when configured, else the pickup folder), telling the test of every message it is handed.</summary>
    private void UseTransport(Action<MimeMessage> handedOn) => api.ConfigureServices = services => services.AddSingleton<IMailTransport>(provider =>
    {
        var options = provider.GetRequiredService<MessagingOptions>();
        return new Observed(
            options.Smtp is { } server ? new SmtpMailTransport(server) : PickupFolderMailTransport.From(options, provider.GetRequiredService<IClock>()),
            handedOn);
    });

    /// <summary>A new message due now, as if another booking had just been cancelled.</summary>
    private static void Arrive(ApiFactory api)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox_message (id, booking_id, kind, channel, slot_id, sequence, state, not_before, next_attempt_at, attempts, created_at)
            SELECT @id, booking_id, 'cancellation', channel, slot_id, (SELECT MAX(sequence) + 1 FROM outbox_message), 'pending', not_before, not_before, 0,
                   created_at
            FROM outbox_message WHERE kind = 'confirmation' AND channel = 'email'
            """;
        command.AddParameter("@id", Guid.CreateVersion7().ToString("D"));
        command.ExecuteNonQuery();
    }

    private static void Requeue(ApiFactory api)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox_message SET state = 'pending', next_attempt_at = not_before, finished_at = NULL WHERE kind = 'confirmation'";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// How many of the objects survive full, compacting collections. Polls for a bounded time: the last message may
    /// still be on the stack of the thread that just finished sending it, which is unwinding while this runs.
    /// </summary>
    private static async Task<int> StillReachableAsync(IReadOnlyCollection<WeakReference> references)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await Task.Yield();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var reachable = references.Count(r => r.IsAlive);
            if (reachable == 0 || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return reachable;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Tells of every message it hands on, and holds nothing itself.</summary>
    private sealed class Observed(IMailTransport inner, Action<MimeMessage> handedOn) : IMailTransport
    {
        public string Name => inner.Name;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            handedOn(message);
        }
    }
}
