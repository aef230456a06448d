using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Operations;
using Bulkhead.Fleet.Rehearsals;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// "Test in UAT before production" on the command line: <c>run</c> refuses a production environment without a clean
/// sandbox run of the manifest's revision (unless <c>--force</c>, journaled in the operator journal), <c>plan</c> heads
/// its checklist with the verdict, and a whole-fleet <c>run</c> on a sandbox or UAT environment is judged and recorded
/// when it stops.
/// </summary>
internal static class RehearsalSupport
{
    /// <summary>The operator journal's action for a forced production run.</summary>
    public const string ForceAction = "force-production";

    /// <summary>The verdict for a run on <paramref name="environmentName"/>, or null when the gate does not guard it.</summary>
    public static ProductionVerdict? Verdict(CliEnvironment environment, FleetManifest manifest, string environmentName)
    {
        if (manifest.FindEnvironment(environmentName) is not { } target || !ProductionGate.Guards(target))
        {
            return null;
        }

        // A SQLite store that does not exist yet holds no run: say so without creating the file.
        var spec = manifest.Fleet.Coordination;
        if (CoordinationStore.SqlitePath(spec, manifest.BaseDirectory) is { } path && !File.Exists(path))
        {
            return ProductionGate.Judge(ManifestRevision.Of(manifest), [], []);
        }

        using var journal = RehearsalJournal.Open(spec, environment.Time, manifest.BaseDirectory);
        return ProductionGate.Check(manifest, journal);
    }

    /// <summary>
    /// Null when <c>run</c> may go on; otherwise the exit code after saying why. A forced run is journaled (who, when,
    /// which revision, the verdict it overrode).
    /// </summary>
    public static async Task<int?> EnforceAsync(CliEnvironment environment, FleetManifest manifest, string? environmentName, bool force)
    {
        var name = environmentName ?? manifest.Fleet.DefaultEnvironment;
        ProductionVerdict? verdict;
        try
        {
            verdict = Verdict(environment, manifest, name);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: the coordination store ({manifest.Fleet.Coordination}) cannot be read for the production gate: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (verdict is null || verdict.Allowed)
        {
            if (verdict is not null)
            {
                await environment.Out.WriteLineAsync($"production gate: {verdict.Text}").ConfigureAwait(false);
            }

            return null;
        }

        if (!force)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: refused on {name}: {verdict.Text}. (--force runs anyway, journaled)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var operators = OperatorJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
        var action = operators.Start(ForceAction, $"{name} revision {verdict.Revision}", System.Environment.UserName, $"cli {System.Environment.UserName}@{System.Environment.MachineName}");
        operators.Finish(action.Id, OperatorActionState.Done, $"forced past the production gate: {verdict.Text}");
        await environment.Error.WriteLineAsync($"bulkhead run: FORCED on {name} past the production gate ({verdict.Text}); journaled as {action.Id}").ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Judges and records a whole-fleet run on a sandbox or UAT environment that stopped when asked; prints the verdict.
    /// Never changes the run's exit code: a failure to judge is printed.
    /// </summary>
    public static async Task RecordAsync(CliEnvironment environment, FleetManifest manifest, FleetSupervisor supervisor, DateTimeOffset started, string? callJournalFolder)
    {
        if (manifest.FindEnvironment(supervisor.Environment) is not { } target || !ProductionGate.Rehearses(target))
        {
            return;
        }

        var statuses = supervisor.Snapshot();
        try
        {
            using var journal = RehearsalJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
            using var store = CoordinationStore.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
            var run = new RehearsalJudge.Run(journal.NewId(), supervisor.Environment, started, environment.Time.GetUtcNow(),
                [.. statuses.Select(s => s.Process)], [.. statuses.Where(s => s.LastHeartbeat is not null).Select(s => s.Process)], callJournalFolder);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var rehearsal = await RehearsalJudge.JudgeAsync(manifest, run, store, FleetReadSupport.Options(environment, supervisor.Environment), timeout.Token).ConfigureAwait(false);
            journal.Record(rehearsal);
            await environment.Out.WriteLineAsync(rehearsal.Clean
                ? $"rehearsal {rehearsal.Id}: clean on {rehearsal.Environment} — manifest revision {rehearsal.Revision} may run in production ({rehearsal.Ran.Length} processes ran, reconciliation clean, 0 nonce errors, 0 lockouts)"
                : $"rehearsal {rehearsal.Id}: NOT clean on {rehearsal.Environment} (manifest revision {rehearsal.Revision}): {string.Join("; ", rehearsal.Problems)}").ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: this run could not be recorded as a rehearsal: {e.Message}").ConfigureAwait(false);
        }
    }
}
