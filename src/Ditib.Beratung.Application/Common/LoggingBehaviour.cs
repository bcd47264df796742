using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.Application.Common;

/// <summary>Logs the request's name and duration, never its content (it may hold personal data).</summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(name, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(name, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string requestName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request {RequestName}: {ElapsedMs:0.0} ms")]
    private partial void LogSlow(string requestName, double elapsedMs);
}
