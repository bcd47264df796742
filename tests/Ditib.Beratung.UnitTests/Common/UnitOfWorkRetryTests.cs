using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.UnitTests.Common;

public sealed class UnitOfWorkRetryTests
{
    [Fact]
    public async Task InTransaction_WhenTheDatabaseCannotSerialiseIt_RunsTheWholeWorkAgainInANewTransaction()
    {
        var unitOfWork = new RecordingUnitOfWork();
        var runs = 0;

        var result = await unitOfWork.InTransactionAsync(() =>
        {
            runs++;
            return runs < 3 ? throw Conflict() : Task.FromResult("stored");
        }, CancellationToken.None);

        Assert.Equal("stored", result);
        Assert.Equal(3, runs);
        Assert.Equal(["begin", "rollback", "begin", "rollback", "begin", "commit"], unitOfWork.Steps);
    }

    [Fact]
    public async Task InTransaction_WhenEveryAttemptConflicts_GivesUpAfterTheLast_AsBusy_WithNothingCommitted()
    {
        var unitOfWork = new RecordingUnitOfWork();
        var runs = 0;

        await Assert.ThrowsAsync<DatabaseBusyException>(() => unitOfWork.InTransactionAsync<int>(() =>
        {
            runs++;
            throw Conflict();
        }, CancellationToken.None));

        Assert.Equal(UnitOfWorkExtensions.MaxAttempts, runs);
        Assert.DoesNotContain("commit", unitOfWork.Steps);
    }

    [Fact]
    public async Task InTransaction_OtherFailures_AreNotRunAgain()
    {
        var unitOfWork = new RecordingUnitOfWork();
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => unitOfWork.InTransactionAsync<int>(() =>
        {
            runs++;
            throw new InvalidOperationException("a bug");
        }, CancellationToken.None));

        Assert.Equal(1, runs);
        Assert.Equal(["begin", "rollback"], unitOfWork.Steps);
    }

    private static SerializationConflictException Conflict() => new("could not serialize", new InvalidOperationException());

    private sealed class RecordingUnitOfWork : IUnitOfWork
    {
        public List<string> Steps { get; } = [];

        public Task BeginAsync(CancellationToken cancellationToken)
        {
            Steps.Add("begin");
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            Steps.Add("commit");
            return Task.CompletedTask;
        }

        public Task RollbackAsync()
        {
            Steps.Add("rollback");
            return Task.CompletedTask;
        }
    }
}
