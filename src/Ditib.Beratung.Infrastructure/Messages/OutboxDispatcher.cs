using System.Net.Sockets;
using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.Infrastructure.Security;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>What one dispatch pass did; <paramref name="MoreDue"/> when it stopped at its bound and more may be due.</summary>
public sealed record DispatchReport(int Sent, int Retrying, int Failed, int Skipped, int Cancelled, bool MoreDue = false)
{
    public int Total => Sent + Retrying + Failed + Skipped + Cancelled;
}

/// <summary>
/// Works off the outbox: takes each due message (counting the attempt and setting the next try before anything is
/// sent), opens the booking's contact data, sends, and records the outcome. A dispatcher that dies after sending and
/// before recording sends again at the next try with the same Message-ID (at least once). Failures are retried with
/// growing pauses; after the last attempt the message is <c>failed</c>, which staff can list. Logs name messages by
/// id, kind, channel and error code only: never an address, a name or a text.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, MessagingOptions options, IClock clock, ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;

    /// <summary>
    /// A pass ends after this many batches even while messages keep arriving, so that it holds a bounded set of ids
    /// (issue 19: under steady load one pass ran for as long as the load lasted); the caller starts the next one.
    /// </summary>
    public const int MaxBatchesPerPass = 10;

    public async Task<DispatchReport> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<string>();
        var seen = new HashSet<Guid>();
        for (var batch = 0; batch < MaxBatchesPerPass; batch++)
        {
            IReadOnlyList<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().DueAsync(clock.GetCurrentInstant(), BatchSize, cancellationToken);
            }

            var fresh = due.Where(seen.Add).ToList();
            if (fresh.Count == 0)
            {
                return Report(outcomes, moreDue: false);
            }

            foreach (var id in fresh)
            {
                if (await DispatchAsync(id, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
        }

        return Report(outcomes, moreDue: true);
    }

    private static DispatchReport Report(List<string> outcomes, bool moreDue) => new(
        outcomes.Count(o => o == MessageStates.Sent), outcomes.Count(o => o == MessageStates.Pending), outcomes.Count(o => o == MessageStates.Failed),
        outcomes.Count(o => o == MessageStates.Skipped), outcomes.Count(o => o == MessageStates.Cancelled), moreDue);

    /// <summary>One attempt at one message; returns the state it is left in, or null when another dispatcher had it.</summary>
    private async Task<string?> DispatchAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<OutboxStore>();
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();

        var now = clock.GetCurrentInstant();
        var claimed = await unitOfWork.InTransactionAsync(
            () => store.ClaimAsync(id, now, attempts => now + options.RetryDelay(attempts), $"{id:D}@{options.MessageIdDomain}", cancellationToken),
            cancellationToken);
        if (claimed is null)
        {
            return null;
        }

        string state;
        string? error;
        try
        {
            (state, error) = await AttemptAsync(services, store, claimed, now, cancellationToken);
        }
        catch (DataKeyNotFoundException)
        {
            (state, error) = (MessageStates.Cancelled, "data-erased");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = Describe(exception);
            state = claimed.Attempts >= options.MaxAttempts ? MessageStates.Failed : MessageStates.Pending;
        }

        var recordedAt = clock.GetCurrentInstant();
        await unitOfWork.InTransactionAsync(async () =>
        {
            await store.RecordAsync(id, state == MessageStates.Pending ? null : state, error, recordedAt, cancellationToken);
            return true;
        }, cancellationToken);
        Log(state, claimed, error);
        return state;
    }

    private async Task<(string State, string? Error)> AttemptAsync(
        IServiceProvider services, OutboxStore store, ClaimedMessage message, Instant now, CancellationToken cancellationToken)
    {
        var record = await services.GetRequiredService<IBookingRepository>().GetByIdAsync(message.BookingId, cancellationToken);
        var slot = await services.GetRequiredService<ISlotQueries>().GetAsync(message.SlotId, cancellationToken);
        if (record is null || slot is null || record.DataKeyId == Guid.Empty || record.SealedPersonalData.Length == 0)
        {
            return (MessageStates.Cancelled, "data-erased");
        }

        // Only a cancellation is told whatever happened since; a confirmation, change or reminder that is no longer
        // true (the booking moved or was cancelled while it waited, e.g. for a mail server) is not sent.
        if (MessageRelevance.IsSuperseded(message.Kind, message.SlotId, message.Sequence, record.Booking))
        {
            return (MessageStates.Cancelled, "superseded");
        }

        if (message.Kind == MessageKinds.Reminder && now >= slot.Start)
        {
            return (MessageStates.Cancelled, "too-late");
        }

        var smsSender = options.SmsProvider is { } provider
            ? services.GetServices<ISmsSender>().FirstOrDefault(s => string.Equals(s.Name, provider, StringComparison.OrdinalIgnoreCase))
            : null;
        if (message.Channel == MessageChannels.Sms && smsSender is null)
        {
            return (MessageStates.Skipped, "no-sms-provider");
        }

        var cipher = services.GetRequiredService<IEnvelopeCipher>();
        var personal = await PersonalData.OpenAsync(cipher, record, cancellationToken);
        var sealedToken = await store.SealedManageTokenAsync(record.Booking.Id, cancellationToken);
        var token = sealedToken is null
            ? null
            : Encoding.UTF8.GetString(await cipher.DecryptAsync(record.DataKeyId, sealedToken, BookingMessages.TokenContext(record.Booking.Id),
                cancellationToken));
        var context = new MessageContext(message.Kind, message.MessageId, record, message.Sequence, slot, personal, token, now);
        var composer = services.GetRequiredService<MessageComposer>();

        if (message.Channel == MessageChannels.Email)
        {
            if (personal.Email is null)
            {
                return (MessageStates.Skipped, "no-email-address");
            }

            await services.GetRequiredService<IMailTransport>().SendAsync(composer.Email(context, personal.Email), cancellationToken);
            return (MessageStates.Sent, null);
        }

        if (personal.Phone is null)
        {
            return (MessageStates.Skipped, "no-phone-number");
        }

        if (PhoneNumberNormaliser.ToE164(personal.Phone) is not { } number)
        {
            return (MessageStates.Failed, "phone-not-e164");
        }

        await smsSender!.SendAsync(number, composer.Sms(context), cancellationToken);
        return (MessageStates.Sent, null);
    }

    /// <summary>A short code for an error: protocol status and kind, never the server's text (it may quote the address).</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException smtp => $"smtp-{(int)smtp.StatusCode}-{smtp.ErrorCode}",
        SmtpProtocolException => "smtp-protocol",
        AuthenticationException => "smtp-authentication",
        SslHandshakeException => "tls-handshake",
        ServiceNotConnectedException => "smtp-not-connected",
        SocketException socket => $"connect-{socket.SocketErrorCode}",
        TimeoutException or OperationCanceledException => "timeout",
        IOException => "io",
        _ => exception.GetType().Name,
    };

    private void Log(string state, ClaimedMessage message, string? error)
    {
        switch (state)
        {
            case MessageStates.Sent:
                LogSent(message.Id, message.Kind, message.Channel, message.Attempts);
                break;
            case MessageStates.Pending:
                LogRetry(message.Id, message.Kind, message.Channel, message.Attempts, error);
                break;
            case MessageStates.Failed:
                LogGaveUp(message.Id, message.Kind, message.Channel, message.Attempts, error);
                break;
            default:
                LogNotSent(message.Id, message.Kind, message.Channel, state, error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}, {Channel}) sent at attempt {Attempts}")]
    private partial void LogSent(Guid id, string kind, string channel, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}, {Channel}) attempt {Attempts} failed ({Error}); it is tried again later")]
    private partial void LogRetry(Guid id, string kind, string channel, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Kind}, {Channel}) failed after {Attempts} attempt(s) ({Error}); given up, see GET /api/v1/outbox?state=failed")]
    private partial void LogGaveUp(Guid id, string kind, string channel, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}, {Channel}) not sent: {State} ({Reason})")]
    private partial void LogNotSent(Guid id, string kind, string channel, string state, string? reason);
}
