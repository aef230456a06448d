using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Fleet.Rehearsals;

/// <summary>
/// Judges a sandbox run of the fleet when it stops, into a <see cref="Rehearsal"/>: every supervised process must have
/// run; reconciliation (the exchange's statements against the fill journal, through the reconciler keys) must be clean;
/// the call journal must show no nonce error and no exchange lockout between start and stop; and no key may be halted
/// by the lockout guard.
/// </summary>
public static class RehearsalJudge
{
    /// <summary>What a run was and where its evidence lies.</summary>
    /// <param name="Id">The record's id.</param>
    /// <param name="Environment">The environment it ran on.</param>
    /// <param name="StartedAt">When it started.</param>
    /// <param name="EndedAt">When it stopped.</param>
    /// <param name="Expected">The processes the supervisor was to run.</param>
    /// <param name="Ran">The processes that ran (sent heartbeats).</param>
    /// <param name="CallJournalFolder">Where the processes journaled their calls; null when journaling was off.</param>
    public sealed record Run(string Id, string Environment, DateTimeOffset StartedAt, DateTimeOffset EndedAt, IReadOnlyCollection<string> Expected, IReadOnlyCollection<string> Ran, string? CallJournalFolder);

    /// <summary>Judges <paramref name="run"/> of <paramref name="manifest"/>.</summary>
    public static async Task<Rehearsal> JudgeAsync(FleetManifest manifest, Run run, ICoordinationStore store, ProcessSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var missing = run.Expected.Except(run.Ran, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} process(es) never ran: {string.Join(", ", missing)}");
        }

        int? differences = null;
        try
        {
            var reconciliation = await FleetReconciler.RunAsync(manifest, options with { Environment = run.Environment }, cancellationToken).ConfigureAwait(false);
            differences = reconciliation.Differences.Count;
            if (!reconciliation.IsClean)
            {
                problems.Add($"reconciliation found {differences} difference(s)");
            }
        }
        catch (Exception e) when (e is ProcessSessionException or KrakenException or HttpRequestException or InvalidOperationException or IOException)
        {
            problems.Add($"reconciliation could not be run: {e.Message}");
        }

        long nonce = 0, lockouts = 0;
        if (run.CallJournalFolder is null || !Directory.Exists(run.CallJournalFolder))
        {
            problems.Add("no call journal to count nonce errors and lockouts in (journaling was off or nothing was called)");
        }
        else
        {
            foreach (var call in CallJournal.Read(run.CallJournalFolder, DateOnly.FromDateTime(run.StartedAt.UtcDateTime)).Records.Where(c => c.Time >= run.StartedAt && c.Time <= run.EndedAt))
            {
                nonce += KrakenErrors.NonceErrors.Contains(call.Outcome) ? 1 : 0;
                lockouts += call.Outcome == KrakenErrors.TemporaryLockout ? 1 : 0;
            }

            if (nonce > 0)
            {
                problems.Add($"{nonce} nonce error(s) in the call journal");
            }

            if (lockouts > 0)
            {
                problems.Add($"{lockouts} lockout answer(s) from the exchange in the call journal");
            }
        }

        var halted = KeyHalts.List(manifest, run.Environment, store, options.Time).Where(h => h.Halted).ToList();
        if (halted.Count > 0)
        {
            lockouts += halted.Count;
            problems.Add($"key(s) halted by the lockout guard: {string.Join(", ", halted.Select(h => $"{h.Key} ({h.Reason})"))}");
        }

        return new Rehearsal(run.Id, ManifestRevision.Of(manifest), run.Environment, run.StartedAt, run.EndedAt,
            [.. run.Ran.Order(StringComparer.Ordinal)], differences, nonce, lockouts, [.. problems]);
    }
}
