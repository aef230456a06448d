using Bulkhead.Fleet.Treasury;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>The runner over a real SQLite journal and a fake exchange: never a step twice, never money lost.</summary>
public sealed class TreasuryRunnerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-treasury-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Manifests.Today);
    private readonly FakeTreasuryExchange _exchange;
    private readonly TreasuryJournal _journal;

    public TreasuryRunnerTests()
    {
        _exchange = new FakeTreasuryExchange(_time);
        _journal = TreasuryJournal.Open("sqlite:" + Path.Combine(_folder, "fleet.db"), _time);
    }

    [Fact]
    public async Task Run_FreshOperation_EveryStepOnceAndDone()
    {
        _journal.Create(Withdrawal("tr-a"));

        var result = await Runner().RunAsync("tr-a", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(TreasuryCallResult.Done);
        result.Operation.State.ShouldBe(TreasuryOperationState.Done);
        _exchange.Calls.ShouldBe(new Dictionary<int, int> { [1] = 1, [2] = 1 });
        result.Operation.Steps.ShouldAllBe(s => s.State == TreasuryStepState.Done && s.RefId != null && s.LedgerId != null && !s.Recognised);
    }

    [Fact]
    public async Task Rerun_KilledAfterTheCallBeforeDone_RecognisedFromTheLedgerNotRepeated()
    {
        _journal.Create(Withdrawal("tr-b"));
        await Should.ThrowAsync<ProcessKilledException>(() => new TreasuryRunner(_journal, _exchange, _time) { Pause = Kill(2, TreasuryPausePoint.AfterCall) }.RunAsync("tr-b", TestContext.Current.CancellationToken));
        _journal.Find("tr-b")!.Steps[1].State.ShouldBe(TreasuryStepState.Pending);
        _time.Advance(TimeSpan.FromSeconds(5));

        var result = await Runner().RunAsync("tr-b", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(TreasuryCallResult.Done);
        _exchange.Calls.ShouldBe(new Dictionary<int, int> { [1] = 1, [2] = 1 });
        result.Operation.Steps[1].Recognised.ShouldBeTrue();
        result.Operation.Steps[1].LedgerId.ShouldBe(_exchange.Ledger[1].LedgerId);
    }

    [Fact]
    public async Task Rerun_KilledBetweenSteps_OnlyTheRestRuns()
    {
        _journal.Create(Withdrawal("tr-c"));
        await Should.ThrowAsync<ProcessKilledException>(() => new TreasuryRunner(_journal, _exchange, _time) { Pause = Kill(1, TreasuryPausePoint.AfterStep) }.RunAsync("tr-c", TestContext.Current.CancellationToken));

        await Runner().RunAsync("tr-c", TestContext.Current.CancellationToken);

        _exchange.Calls.ShouldBe(new Dictionary<int, int> { [1] = 1, [2] = 1 });
    }

    [Fact]
    public async Task Rerun_PendingButNotOnTheLedger_CallMadeOnce()
    {
        _journal.Create(Withdrawal("tr-d"));
        _journal.MarkPending("tr-d", 1, _time.GetUtcNow(), await _exchange.CursorAsync(Withdrawal("x").Steps[0], TestContext.Current.CancellationToken)); // killed before the call

        var result = await Runner().RunAsync("tr-d", TestContext.Current.CancellationToken);

        _exchange.Calls.ShouldBe(new Dictionary<int, int> { [1] = 1, [2] = 1 });
        result.Operation.Steps[0].Attempts.ShouldBe(2);
        result.Operation.Steps[0].Recognised.ShouldBeFalse();
    }

    [Fact]
    public async Task Rerun_LookAlikeEntryClaimedByAnotherStep_NotTaken()
    {
        // Operation e moved 100 ZUSD to desk and claimed its entry; f's identical step was journaled pending with a cursor
        // before that entry and was killed before its call: e's entry must not be taken for it.
        _journal.Create(Withdrawal("tr-f"));
        var early = await _exchange.CursorAsync(Withdrawal("x").Steps[0], TestContext.Current.CancellationToken);
        _journal.MarkPending("tr-f", 1, _time.GetUtcNow(), early);
        _journal.Create(Withdrawal("tr-e"));
        await Runner().RunAsync("tr-e", TestContext.Current.CancellationToken);

        var result = await Runner().RunAsync("tr-f", TestContext.Current.CancellationToken);

        _exchange.Ledger.Count.ShouldBe(4, "f's two steps were made: nothing of e's was taken for them");
        result.Operation.Steps[0].Recognised.ShouldBeFalse();
        _journal.ClaimedIds().Count.ShouldBe(8);
    }

    [Fact]
    public async Task Run_Refused_FailedNothingMovedAndResumeRetries()
    {
        _journal.Create(Withdrawal("tr-g"));
        _exchange.Script[2] = (TreasuryCallOutcome.Refused("EFunding:Unknown withdraw key"), false);

        var refused = await Runner().RunAsync("tr-g", TestContext.Current.CancellationToken);
        refused.Outcome.ShouldBe(TreasuryCallResult.Refused);
        refused.Operation.Steps[1].State.ShouldBe(TreasuryStepState.Failed);
        refused.Operation.Steps[1].Error.ShouldBe("EFunding:Unknown withdraw key");
        _exchange.Script.Remove(2);

        var resumed = await Runner().RunAsync("tr-g", TestContext.Current.CancellationToken);

        resumed.Outcome.ShouldBe(TreasuryCallResult.Done);
        _exchange.Ledger.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Run_UnclearAnswerButMoved_StaysPendingAndTheRerunRecognisesIt()
    {
        _journal.Create(Withdrawal("tr-h"));
        _exchange.Script[1] = (TreasuryCallOutcome.Unknown("timeout"), true);

        (await Runner().RunAsync("tr-h", TestContext.Current.CancellationToken)).Outcome.ShouldBe(TreasuryCallResult.Unknown);
        _journal.Find("tr-h")!.Steps[0].State.ShouldBe(TreasuryStepState.Pending);
        _exchange.Script.Remove(1);

        var result = await Runner().RunAsync("tr-h", TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(TreasuryCallResult.Done);
        _exchange.Calls[1].ShouldBe(1);
        result.Operation.Steps[0].Recognised.ShouldBeTrue();
    }

    public void Dispose()
    {
        _journal.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Func<TreasuryStep, TreasuryPausePoint, CancellationToken, Task> Kill(int index, TreasuryPausePoint at) =>
        (step, point, _) => step.Index == index && point == at ? throw new ProcessKilledException() : Task.CompletedTask;

    private TreasuryRunner Runner() => new(_journal, _exchange, _time);

    private TreasuryOperation Withdrawal(string id) => new(
        id,
        new TreasuryRequest(TreasuryOperationKind.Withdraw, "sandbox", "mm", "bank", "ZUSD", 100m, null),
        _time.GetUtcNow(),
        [new TreasuryStep(1, TreasuryStepKind.SpotTransfer, "mm", "desk", "ZUSD", 100m), new TreasuryStep(2, TreasuryStepKind.Withdrawal, "desk", "bank", "ZUSD", 100m)]);

    /// <summary>Stands for SIGKILL: the run stops at once, nothing after it is journaled.</summary>
    private sealed class ProcessKilledException : Exception;
}
