using MediatR;

namespace Ditib.Beratung.Application.Common;

/// <summary>Marks a request that changes state: it runs inside one write transaction.</summary>
public interface ICommand;

public interface ICommand<out TResponse> : IRequest<TResponse>, ICommand;

/// <summary>
/// A command that runs one at a time across every instance on the database, however it was started (retention: the
/// daily job, the command line, the DPO's page, the API). <see cref="SingleRunBehaviour{TRequest, TResponse}"/> gives
/// it the turn before its transaction begins and keeps it until the transaction has ended; while another run holds
/// the turn, the command is refused (<see cref="AlreadyRunningException"/>).
/// </summary>
public interface ISingleRun : ICommand
{
    /// <summary>The run's name (e.g. "retention"), or null when this request needs no turn (a dry run changes nothing).</summary>
    string? SingleRun { get; }
}

/// <summary>
/// A command a client may safely repeat with an <c>Idempotency-Key</c>: the same key and body give the first
/// answer again; the same key with another body is a conflict.
/// </summary>
/// <summary>An answer that created something which can later go (a booking): its stored copy goes with it.</summary>
public interface IIdempotencySubject
{
    string IdempotencySubject { get; }
}

public interface IIdempotentCommand : ICommand
{
    /// <summary>The client's key, or null when the client sent none.</summary>
    string? IdempotencyKey { get; }

    /// <summary>Keys are unique within a scope (e.g. per command and per kind of caller).</summary>
    string IdempotencyScope { get; }
}
