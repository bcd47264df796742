using Ditib.Beratung.Infrastructure.Messages;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Runs the outbox dispatcher every <c>Beratung:Messages:DispatchIntervalSeconds</c> while the API serves
/// (<c>Beratung:Messages:DispatcherEnabled</c>; tests switch it off and dispatch themselves). A failed pass is
/// logged without details and tried again at the next interval.
/// </summary>
public sealed partial class OutboxJob(OutboxDispatcher dispatcher, MessagingOptions options, ILogger<OutboxJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.DispatchInterval);
        do
        {
            try
            {
                // A pass is bounded; while it stops at its bound, the next follows at once rather than at the next tick.
                DispatchReport report;
                do
                {
                    report = await dispatcher.DispatchOnceAsync(stoppingToken);
                }
                while (report.MoreDue);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed ({ExceptionType}); it runs again at the next interval")]
    private partial void LogFailed(string exceptionType);
}
