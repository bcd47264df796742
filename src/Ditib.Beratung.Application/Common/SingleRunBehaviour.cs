using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Outside the transaction: a command that goes one at a time (<see cref="ISingleRun"/>) takes its turn before its
/// transaction begins (before it waits for the database's writer) and gives it back after the transaction has ended,
/// whichever way it was started. While another run holds the turn, the command is refused with
/// <see cref="AlreadyRunningException"/> and nothing is done; it is not queued behind the run.
/// </summary>
public sealed class SingleRunBehaviour<TRequest, TResponse>(ISingleRunLocks locks) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ISingleRun { SingleRun: { } run })
        {
            return await next();
        }

        await using var turn = await locks.TryEnterAsync(run, cancellationToken) ?? throw new AlreadyRunningException(run);
        return await next();
    }
}
