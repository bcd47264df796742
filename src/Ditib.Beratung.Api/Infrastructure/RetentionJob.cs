using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using MediatR;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Runs retention once a day (<c>Beratung:Retention</c>), as the system; a failed run is logged and tried the next
/// time. With several instances on one PostgreSQL database, the instance that finds another run going on (another
/// instance's job, the command line, the DPO's page) skips this turn: <see cref="RunRetention"/> goes one at a time
/// (<see cref="ISingleRun"/>) and is refused with <see cref="AlreadyRunningException"/>.
/// </summary>
public sealed partial class RetentionJob(IServiceProvider services, RetentionSettings settings, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval.ToTimeSpan());
        do
        {
            try
            {
                using var system = SystemScope.Enter();
                await using var scope = services.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunRetention(DryRun: false), stoppingToken);
                LogRan(report.Bookings, report.Cases.Count, report.IdempotencyKeys);
            }
            catch (AlreadyRunningException)
            {
                LogSkipped();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception.GetType().Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Bookings} booking(s), {Cases} case(s), {Keys} idempotency answer(s)")]
    private partial void LogRan(int bookings, int cases, int keys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: another instance is running it now; this one skips this turn")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({ExceptionType}); it runs again at the next interval")]
    private partial void LogFailed(string exceptionType, Exception exception);
}
