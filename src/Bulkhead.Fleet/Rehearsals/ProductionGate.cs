using System.Globalization;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Rehearsals;

/// <summary>
/// The rule "test in UAT before production", enforced: a production run is allowed only when the manifest's current
/// <see cref="ManifestRevision"/> has a clean <see cref="Rehearsal"/> on a sandbox (or UAT) environment — every
/// supervised process ran, reconciliation was clean, no nonce error and no lockout. <c>bulkhead run --env production</c>
/// refuses otherwise (unless forced, which is journaled) and <c>bulkhead plan --env production</c> heads its checklist
/// with the same verdict.
/// </summary>
public static class ProductionGate
{
    /// <summary>True when <paramref name="environment"/> is one the gate guards (a production environment).</summary>
    public static bool Guards(FleetEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Kind == EnvironmentKind.Production;
    }

    /// <summary>True when runs on <paramref name="environment"/> are recorded as rehearsals (sandbox and UAT).</summary>
    public static bool Rehearses(FleetEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Kind is EnvironmentKind.Sandbox or EnvironmentKind.Uat;
    }

    /// <summary>The verdict for <paramref name="manifest"/> from the journal's records.</summary>
    public static ProductionVerdict Check(FleetManifest manifest, RehearsalJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var revision = ManifestRevision.Of(manifest);
        return Judge(revision, journal.Recent(20, revision), journal.Recent(1));
    }

    /// <summary>The verdict from <paramref name="ofRevision"/> (this revision's newest records) and <paramref name="newest"/> (any revision's newest).</summary>
    public static ProductionVerdict Judge(string revision, IReadOnlyList<Rehearsal> ofRevision, IReadOnlyList<Rehearsal> newest)
    {
        ArgumentNullException.ThrowIfNull(ofRevision);
        ArgumentNullException.ThrowIfNull(newest);
        var how = "run it on the sandbox (bulkhead run FILE --env sandbox, every process, until it stops clean), then try again";
        if (ofRevision.FirstOrDefault(r => r.Clean) is { } clean)
        {
            return new ProductionVerdict(true, revision, clean,
                $"tested: manifest revision {revision} ran clean on {clean.Environment} ({When(clean)}: {clean.Ran.Length} processes ran, reconciliation clean, 0 nonce errors, 0 lockouts)");
        }

        if (ofRevision.Count > 0)
        {
            var last = ofRevision[0];
            return new ProductionVerdict(false, revision, null,
                $"not tested: manifest revision {revision} has no clean sandbox run; the last one ({last.Environment}, {When(last)}) had: {string.Join("; ", last.Problems)} — fix that and {how}");
        }

        if (newest.Count > 0)
        {
            var other = newest[0];
            return new ProductionVerdict(false, revision, null,
                $"not tested: the manifest changed since its last sandbox run (revision {other.Revision} on {other.Environment}, {When(other)}; now {revision}: processes, roles, keys' permissions, allowlists or hosts differ) — {how}");
        }

        return new ProductionVerdict(false, revision, null, $"not tested: no sandbox run of this fleet is recorded (manifest revision {revision}) — {how}");
    }

    private static string When(Rehearsal r) => r.EndedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>The gate's answer: allowed or not, for which revision, the clean run it rests on, and one line saying so.</summary>
/// <param name="Allowed">True when a clean run of <paramref name="Revision"/> exists.</param>
/// <param name="Revision">The manifest's current revision.</param>
/// <param name="CleanRun">The clean run, when allowed.</param>
/// <param name="Text">The verdict in one line, naming what is missing when refused.</param>
public sealed record ProductionVerdict(bool Allowed, string Revision, Rehearsal? CleanRun, string Text);
