namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// Funnels this process's write transactions through one gate. SQLite allows one writer at a time anyway; queueing
/// here instead of in SQLite's busy back-off keeps write latency flat under concurrent bookings.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public Task EnterAsync(CancellationToken cancellationToken) => gate.WaitAsync(cancellationToken);

    public void Leave() => gate.Release();

    public void Dispose() => gate.Dispose();
}
