using Bulkhead.Fleet.Operations;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Operations;

/// <summary>The operator journal's contract, run on a real SQLite file and a real PostgreSQL server.</summary>
public abstract class OperatorJournalContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    /// <summary>The coordination store specification the journal lives in.</summary>
    protected abstract string Specification { get; }

    [Fact]
    public void Start_Progress_Finish_AreKeptAcrossReopening()
    {
        string id;
        using (var journal = Open())
        {
            var started = journal.Start("flatten", "mm", "ann", "dashboard 127.0.0.1");
            id = started.Id;
            id.ShouldMatch("^op-20261201-030000-[0-9a-f]{6}$");
            started.State.ShouldBe(OperatorActionState.Running);
            _time.Advance(TimeSpan.FromSeconds(2));
            journal.Progress(id, "mm-trader halted; running mm-flattener");
        }

        _time.Advance(TimeSpan.FromSeconds(3));
        using (var reopened = Open())
        {
            reopened.Find(id)!.Progress.ShouldBe("mm-trader halted; running mm-flattener");
            var done = reopened.Finish(id, OperatorActionState.Done, "flattened: 2 orders cancelled, 1 closing order");
            done.ShouldBe(new OperatorAction(id, "flatten", "mm", "ann", "dashboard 127.0.0.1", _time.GetUtcNow().AddSeconds(-5), OperatorActionState.Done,
                "mm-trader halted; running mm-flattener", "flattened: 2 orders cancelled, 1 closing order", _time.GetUtcNow()));
            reopened.Find(id).ShouldBe(done);
        }
    }

    [Fact]
    public void Start_WithARefusal_IsJournaledRefusedAtOnce()
    {
        using var journal = Open();

        var refused = journal.Start("resume", "mm", "ann", "cli ann@desk", refusal: "the kill switch is pulled: re-arm it first");

        refused.State.ShouldBe(OperatorActionState.Refused);
        refused.Result.ShouldBe("the kill switch is pulled: re-arm it first");
        refused.FinishedAt.ShouldBe(refused.StartedAt);
    }

    [Fact]
    public void Recent_NewestFirst_Bounded()
    {
        using var journal = Open();
        foreach (var target in (string[])["mm", "momo", "hedge"])
        {
            journal.Start("halt", target, "ann", "cli");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        journal.Recent(2).Select(a => a.Target).ShouldBe(["hedge", "momo"]);
        journal.Recent().Count.ShouldBe(3);
    }

    [Fact]
    public void PulledKillSwitch_TheLastPullUnlessReArmedAfter()
    {
        using var journal = Open();
        journal.PulledKillSwitch().ShouldBeNull();

        var pull = journal.Start(OperatorJournal.Kill, "fleet", "ann", "dashboard");
        journal.PulledKillSwitch()!.Id.ShouldBe(pull.Id, "a pull still running when its supervisor died counts");
        journal.Finish(pull.Id, OperatorActionState.Done, "3 traders stopped");
        _time.Advance(TimeSpan.FromSeconds(1));
        var refusedRearm = journal.Start(OperatorJournal.Rearm, "fleet", "bob", "cli", refusal: "nope");
        journal.PulledKillSwitch()!.Id.ShouldBe(pull.Id, "a refused re-arm re-arms nothing");
        _ = refusedRearm;

        _time.Advance(TimeSpan.FromSeconds(1));
        journal.Finish(journal.Start(OperatorJournal.Rearm, "fleet", "bob", "cli").Id, OperatorActionState.Done, "re-armed");
        journal.PulledKillSwitch().ShouldBeNull();

        _time.Advance(TimeSpan.FromSeconds(1));
        var again = journal.Start(OperatorJournal.Kill, "fleet", "cy", "cli");
        journal.Finish(again.Id, OperatorActionState.Done, "done");
        journal.PulledKillSwitch()!.Operator.ShouldBe("cy");
    }

    private OperatorJournal Open() => OperatorJournal.Open(Specification, _time);
}
