using Bulkhead.Fleet.Treasury;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>The treasury journal's contract, run on a real SQLite file and a real PostgreSQL server.</summary>
public abstract class TreasuryJournalContract
{
    private readonly FakeTimeProvider _time = new(Manifests.Today);

    /// <summary>The coordination store specification the journal lives in.</summary>
    protected abstract string Specification { get; }

    [Fact]
    public void Create_ThenFind_RoundTripsTheRequestAndSteps()
    {
        using var journal = Open();
        var operation = Operation("tr-1");

        journal.Create(operation);

        var found = journal.Find("tr-1").ShouldNotBeNull();
        found.Request.ShouldBe(operation.Request);
        found.CreatedAt.ShouldBe(operation.CreatedAt);
        found.State.ShouldBe(TreasuryOperationState.Open);
        found.Steps.Select(s => (s.Index, s.Kind, s.From, s.To, s.Asset, s.Amount, s.State)).ShouldBe(operation.Steps.Select(s => (s.Index, s.Kind, s.From, s.To, s.Asset, s.Amount, TreasuryStepState.Planned)));
        journal.Unfinished().Select(o => o.Id).ShouldBe(["tr-1"]);
    }

    [Fact]
    public void PendingThenDone_SurvivesReopeningAndClaimsTheIds()
    {
        var cursor = new TreasuryCursor(TreasuryCursor.SpotLedger, Manifests.Today, ["L1", "L2"]);
        using (var journal = Open())
        {
            journal.Create(Operation("tr-2"));
            journal.MarkPending("tr-2", 1, _time.GetUtcNow(), cursor);
        }

        using (var reopened = Open())
        {
            var pending = reopened.Find("tr-2")!.Steps[0];
            (pending.State, pending.Attempts, pending.Cursor, pending.StartedAt).ShouldBe((TreasuryStepState.Pending, 1, cursor, Manifests.Today));
            pending.Cursor!.Ids.ShouldBe(["L1", "L2"]);
            reopened.MarkDone("tr-2", 1, "REF-1", "L3", recognised: true, _time.GetUtcNow());
            reopened.ClaimedIds().ShouldBe(["REF-1", "L3"], ignoreOrder: true);
        }

        using var again = Open();
        var done = again.Find("tr-2")!.Steps[0];
        (done.State, done.RefId, done.LedgerId, done.Recognised).ShouldBe((TreasuryStepState.Done, "REF-1", "L3", true));
    }

    [Fact]
    public void MarkDone_StepNeverPending_Throws()
    {
        using var journal = Open();
        journal.Create(Operation("tr-3"));

        Should.Throw<InvalidOperationException>(() => journal.MarkDone("tr-3", 1, "R", null, false, _time.GetUtcNow()));
    }

    [Fact]
    public void MarkPending_DoneStep_ThrowsSoAStepIsNeverMadeTwice()
    {
        using var journal = Open();
        journal.Create(Operation("tr-4"));
        journal.MarkPending("tr-4", 1, _time.GetUtcNow(), new TreasuryCursor(TreasuryCursor.SpotLedger, null, []));
        journal.MarkDone("tr-4", 1, "R", null, false, _time.GetUtcNow());

        Should.Throw<InvalidOperationException>(() => journal.MarkPending("tr-4", 1, _time.GetUtcNow(), new TreasuryCursor(TreasuryCursor.SpotLedger, null, [])));
    }

    [Fact]
    public void Failed_KeepsTheErrorAndCanBeRetried()
    {
        using var journal = Open();
        journal.Create(Operation("tr-5"));
        var cursor = new TreasuryCursor(TreasuryCursor.FuturesLog, null, ["7"]);
        journal.MarkPending("tr-5", 1, _time.GetUtcNow(), cursor);

        journal.MarkFailed("tr-5", 1, "EFunding:Insufficient funds").Error.ShouldBe("EFunding:Insufficient funds");
        journal.MarkPending("tr-5", 1, _time.GetUtcNow(), cursor).Attempts.ShouldBe(2);
    }

    [Fact]
    public void Finish_LeavesTheUnfinishedList()
    {
        using var journal = Open();
        journal.Create(Operation("tr-6"));
        journal.Create(Operation("tr-7"));
        _time.Advance(TimeSpan.FromMinutes(1));

        journal.Finish("tr-6", _time.GetUtcNow());

        journal.Unfinished().Select(o => o.Id).ShouldBe(["tr-7"]);
        journal.List().Select(o => (o.Id, o.State)).ShouldBe([("tr-6", TreasuryOperationState.Done), ("tr-7", TreasuryOperationState.Open)]);
        journal.Find("tr-6")!.FinishedAt.ShouldBe(_time.GetUtcNow());
    }

    private TreasuryJournal Open() => TreasuryJournal.Open(Specification, _time);

    private TreasuryOperation Operation(string id) => new(
        id,
        new TreasuryRequest(TreasuryOperationKind.Withdraw, "sandbox", "mm", "bank", "ZUSD", 2500.1234m, null),
        _time.GetUtcNow(),
        [
            new TreasuryStep(1, TreasuryStepKind.SpotTransfer, "mm", "desk", "ZUSD", 2500.1234m),
            new TreasuryStep(2, TreasuryStepKind.Withdrawal, "desk", "bank", "ZUSD", 2500.1234m),
        ]);
}
