using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Moq;

namespace Ditib.Beratung.UnitTests.Common;

/// <summary>A run that goes one at a time takes its turn around all of its work, is refused while another holds it, and a dry run needs none.</summary>
public sealed class SingleRunBehaviourTests
{
    private static readonly RetentionReport Report = new(false, 0, [], [], 0);

    private readonly Mock<ISingleRunLocks> locks = new(MockBehavior.Strict);

    [Fact]
    public async Task Run_WhileAnotherRunHoldsTheTurn_IsRefused_AndItsWorkNeverStarts()
    {
        locks.Setup(l => l.TryEnterAsync(RunRetention.Run, It.IsAny<CancellationToken>())).ReturnsAsync((IAsyncDisposable?)null);
        var started = false;

        var refused = await Assert.ThrowsAsync<AlreadyRunningException>(() => Behaviour().Handle(new RunRetention(DryRun: false), CancellationToken.None, () =>
        {
            started = true;
            return Task.FromResult(Report);
        }));

        Assert.False(started);
        Assert.Equal(RunRetention.Run, refused.Run);
        Assert.StartsWith("Another instance is running retention now; try again in a few minutes.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HoldsTheTurnWhileItsWorkRuns_AndGivesItBackAfterwards()
    {
        var turn = new Turn();
        locks.Setup(l => l.TryEnterAsync(RunRetention.Run, It.IsAny<CancellationToken>())).ReturnsAsync(turn);
        bool? heldDuringWork = null;

        var report = await Behaviour().Handle(new RunRetention(DryRun: false), CancellationToken.None, () =>
        {
            heldDuringWork = !turn.Released;
            return Task.FromResult(Report);
        });

        Assert.Same(Report, report);
        Assert.True(heldDuringWork);
        Assert.True(turn.Released);
    }

    [Fact]
    public async Task Run_WhoseWorkFails_StillGivesTheTurnBack()
    {
        var turn = new Turn();
        locks.Setup(l => l.TryEnterAsync(RunRetention.Run, It.IsAny<CancellationToken>())).ReturnsAsync(turn);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Behaviour().Handle(new RunRetention(DryRun: false), CancellationToken.None, () => throw new InvalidOperationException("failed")));

        Assert.True(turn.Released);
    }

    [Fact]
    public async Task DryRun_TakesNoTurn()
    {
        var report = await Behaviour().Handle(new RunRetention(DryRun: true), CancellationToken.None, () => Task.FromResult(Report));

        Assert.Same(Report, report);
        locks.VerifyNoOtherCalls();
    }

    private SingleRunBehaviour<RunRetention, RetentionReport> Behaviour() => new(locks.Object);

    private sealed class Turn : IAsyncDisposable
    {
        public bool Released { get; private set; }

        public ValueTask DisposeAsync()
        {
            Released = true;
            return ValueTask.CompletedTask;
        }
    }
}
