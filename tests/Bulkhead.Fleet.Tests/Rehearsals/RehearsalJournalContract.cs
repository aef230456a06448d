using System.Collections.Immutable;
using Bulkhead.Fleet.Rehearsals;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Rehearsals;

/// <summary>
/// The rehearsal journal and the production gate over it, on a real SQLite file and a real PostgreSQL server: a clean
/// run of the current revision allows production; a dirty one, another revision's, or none refuses, naming what is missing.
/// </summary>
public abstract class RehearsalJournalContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    /// <summary>The coordination store specification the journal lives in.</summary>
    protected abstract string Specification { get; }

    [Fact]
    public void NoRunRecorded_Refuses_SayingSo()
    {
        using var journal = Open();
        var verdict = ProductionGate.Check(Manifests.Valid(Manifests.Small), journal);
        verdict.Allowed.ShouldBeFalse();
        verdict.Text.ShouldContain("no sandbox run of this fleet is recorded");
        verdict.Text.ShouldContain(verdict.Revision);
    }

    [Fact]
    public void CleanRunOfThisRevision_Allows_AndIsKeptAcrossReopening()
    {
        var manifest = Manifests.Valid(Manifests.Small);
        Rehearsal clean;
        using (var journal = Open())
        {
            clean = Run(journal, ManifestRevision.Of(manifest), []);
            journal.Record(clean);
        }

        using var reopened = Open();
        reopened.Recent().ShouldHaveSingleItem().ShouldBe(clean, new RehearsalComparer());
        var verdict = ProductionGate.Check(manifest, reopened);
        verdict.Allowed.ShouldBeTrue();
        verdict.CleanRun!.Id.ShouldBe(clean.Id);
        verdict.Text.ShouldContain("ran clean on sandbox (2026-12-01 03:00 UTC: 2 processes ran");
    }

    [Fact]
    public void DirtyRunOfThisRevision_Refuses_NamingItsProblems()
    {
        var manifest = Manifests.Valid(Manifests.Small);
        using var journal = Open();
        journal.Record(Run(journal, ManifestRevision.Of(manifest), ["reconciliation found 2 difference(s)", "1 nonce error(s) in the call journal"]));

        var verdict = ProductionGate.Check(manifest, journal);

        verdict.Allowed.ShouldBeFalse();
        verdict.Text.ShouldContain("has no clean sandbox run");
        verdict.Text.ShouldContain("reconciliation found 2 difference(s); 1 nonce error(s) in the call journal");
    }

    [Fact]
    public void CleanRunOfAnEarlierRevision_Refuses_SayingTheManifestChanged()
    {
        using var journal = Open();
        var before = Manifests.Valid(Manifests.Small);
        journal.Record(Run(journal, ManifestRevision.Of(before), []));
        var after = Manifests.Valid(Manifests.SmallWith("ip_allowlist = [\"10.0.0.5/32\"]", "ip_allowlist = [\"10.0.0.9/32\"]"));

        var verdict = ProductionGate.Check(after, journal);

        verdict.Allowed.ShouldBeFalse();
        verdict.Text.ShouldContain($"the manifest changed since its last sandbox run (revision {ManifestRevision.Of(before)}");
        verdict.Text.ShouldContain($"now {ManifestRevision.Of(after)}");
        ProductionGate.Check(before, journal).Allowed.ShouldBeTrue("the earlier revision itself is still tested");
    }

    [Fact]
    public void ALaterDirtyRun_DoesNotUndoAnEarlierCleanOne()
    {
        var manifest = Manifests.Valid(Manifests.Small);
        using var journal = Open();
        var clean = Run(journal, ManifestRevision.Of(manifest), []);
        journal.Record(clean);
        _time.Advance(TimeSpan.FromHours(1));
        journal.Record(Run(journal, ManifestRevision.Of(manifest), ["1 process(es) never ran: dashboard"]));

        var recent = journal.Recent(revision: ManifestRevision.Of(manifest));
        recent.Count.ShouldBe(2);
        recent[0].Clean.ShouldBeFalse("newest first");
        ProductionGate.Check(manifest, journal).CleanRun!.Id.ShouldBe(clean.Id);
    }

    private Rehearsal Run(RehearsalJournal journal, string revision, ImmutableArray<string> problems) =>
        new(journal.NewId(), revision, "sandbox", _time.GetUtcNow().AddMinutes(-5), _time.GetUtcNow(), ["dashboard", "mm-trader"],
            problems.Any(p => p.StartsWith("reconciliation", StringComparison.Ordinal)) ? 2 : 0,
            problems.Any(p => p.Contains("nonce", StringComparison.Ordinal)) ? 1 : 0, 0, problems);

    private RehearsalJournal Open() => RehearsalJournal.Open(Specification, _time);

    /// <summary>Records hold arrays: compared by their elements.</summary>
    private sealed class RehearsalComparer : IEqualityComparer<Rehearsal>
    {
        public bool Equals(Rehearsal? x, Rehearsal? y) =>
            x is not null && y is not null && x with { Ran = [], Problems = [] } == y with { Ran = [], Problems = [] }
            && x.Ran.SequenceEqual(y.Ran) && x.Problems.SequenceEqual(y.Problems);

        public int GetHashCode(Rehearsal obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
