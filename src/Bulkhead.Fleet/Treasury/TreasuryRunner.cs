namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// Carries out a journaled operation step by step, never a step twice. A step left <c>pending</c> (or <c>failed</c>) by an
/// earlier run is first looked up in the master's ledger: an entry after the step's cursor with the step's asset and
/// signed amount that no other step has claimed means the call happened, and the step is recorded done from it. Only
/// otherwise is the call made: journal <c>pending</c> with a fresh cursor, call, journal <c>done</c>.
/// </summary>
/// <param name="journal">The journal.</param>
/// <param name="exchange">The exchange through the master's keys.</param>
/// <param name="time">The clock of the journal's timestamps.</param>
public sealed class TreasuryRunner(TreasuryJournal journal, ITreasuryExchange exchange, TimeProvider time)
{
    /// <summary>Told what happens, one line each (for the CLI).</summary>
    public Action<string> Report { get; init; } = _ => { };

    /// <summary>A test hook called at each <see cref="TreasuryPausePoint"/>; the CLI wires it to an environment variable.</summary>
    public Func<TreasuryStep, TreasuryPausePoint, CancellationToken, Task>? Pause { get; init; }

    /// <summary>Runs (or continues) operation <paramref name="operationId"/> to its end or to the first step that does not complete.</summary>
    public async Task<TreasuryRunResult> RunAsync(string operationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(exchange);
        var operation = journal.Find(operationId) ?? throw new InvalidOperationException($"no treasury operation {operationId}");
        foreach (var planned in operation.Steps)
        {
            var step = planned;
            if (step.State == TreasuryStepState.Done)
            {
                continue;
            }

            if (step.State is TreasuryStepState.Pending or TreasuryStepState.Failed && step.Cursor is not null)
            {
                var evidence = await UnclaimedAsync(step, null, cancellationToken).ConfigureAwait(false);
                if (evidence is not null)
                {
                    journal.MarkDone(operationId, step.Index, evidence.RefId, evidence.LedgerId, recognised: true, time.GetUtcNow());
                    Report($"step {step.Describe()}: found on the exchange (refid {evidence.RefId}, ledger {evidence.LedgerId}) — recorded done, not repeated");
                    continue;
                }

                Report($"step {step.Index}: not on the exchange after its cursor — making the call");
            }

            var cursor = await exchange.CursorAsync(step, cancellationToken).ConfigureAwait(false);
            step = journal.MarkPending(operationId, step.Index, time.GetUtcNow(), cursor);
            var outcome = await exchange.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
            if (Pause is not null)
            {
                await Pause(step, TreasuryPausePoint.AfterCall, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Kind == TreasuryCallResult.Refused)
            {
                journal.MarkFailed(operationId, step.Index, outcome.Message ?? "refused");
                Report($"step {step.Describe()}: refused by the exchange ({outcome.Message}); nothing moved");
                return new TreasuryRunResult(journal.Find(operationId)!, TreasuryCallResult.Refused, outcome.Message);
            }

            if (outcome.Kind == TreasuryCallResult.Unknown)
            {
                Report($"step {step.Describe()}: no clear answer ({outcome.Message}); it stays pending — `bulkhead treasury resume` looks it up before anything else");
                return new TreasuryRunResult(journal.Find(operationId)!, TreasuryCallResult.Unknown, outcome.Message);
            }

            var ledger = await FindOwnEntryAsync(step, outcome.RefId, cancellationToken).ConfigureAwait(false);
            var done = journal.MarkDone(operationId, step.Index, outcome.RefId ?? ledger?.RefId, ledger?.LedgerId, recognised: false, time.GetUtcNow());
            Report($"step {done.Describe()}: done (refid {done.RefId ?? "?"}, ledger {done.LedgerId ?? "?"})");
            if (Pause is not null)
            {
                await Pause(done, TreasuryPausePoint.AfterStep, cancellationToken).ConfigureAwait(false);
            }
        }

        journal.Finish(operationId, time.GetUtcNow());
        return new TreasuryRunResult(journal.Find(operationId)!, TreasuryCallResult.Done, null);
    }

    // The master's side of a movement just made: the entry with the answer's refid, else the first unclaimed look-alike.
    // Not finding it is no failure (the money moved; the refid is recorded): it only leaves the ledger id blank.
    private async Task<TreasuryEvidence?> FindOwnEntryAsync(TreasuryStep step, string? refId, CancellationToken cancellationToken)
    {
        try
        {
            return await UnclaimedAsync(step, refId, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed read after the money moved must not stop the journal recording it done.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Report($"step {step.Index}: done, but its ledger entry could not be read ({ex.GetType().Name})");
            return null;
        }
    }

    private async Task<TreasuryEvidence?> UnclaimedAsync(TreasuryStep step, string? refId, CancellationToken cancellationToken)
    {
        var claimed = journal.ClaimedIds();
        var found = await exchange.FindAsync(step, cancellationToken).ConfigureAwait(false);
        var candidates = found.Where(e => !claimed.Contains(e.LedgerId) && !claimed.Contains(e.RefId));
        return refId is null
            ? candidates.FirstOrDefault()
            : candidates.FirstOrDefault(e => e.RefId == refId) ?? candidates.FirstOrDefault();
    }
}
