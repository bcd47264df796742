using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.UnitTests.Security;

/// <summary>Counts transactions and, like the database session, refuses to open a second one while one is open.</summary>
internal sealed class FakeUnitOfWork : IUnitOfWork
{
    public bool InTransaction { get; private set; }

    public int Begun { get; private set; }

    public int Committed { get; private set; }

    public int RolledBack { get; private set; }

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("A write transaction is already open.");
        }

        InTransaction = true;
        Begun++;
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!InTransaction)
        {
            throw new InvalidOperationException("No transaction to commit.");
        }

        InTransaction = false;
        Committed++;
        return Task.CompletedTask;
    }

    public Task RollbackAsync()
    {
        if (InTransaction)
        {
            InTransaction = false;
            RolledBack++;
        }

        return Task.CompletedTask;
    }
}
