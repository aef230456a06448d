using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Roles;

/// <summary>
/// The read-only monitor (role <c>dashboard</c>): every equity interval it reads its account's balances and 30-day
/// TradeVolume (the fee tier's volume counts the master and its subaccounts) and journals them as snapshots of kind
/// <c>balances</c> and <c>volume</c>, writing heartbeat lines in between. It places nothing.
/// </summary>
internal static class DashboardMonitor
{
    public static async Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        if (run.Session.Key.Venue != Venue.Spot)
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, $"the dashboard process '{run.Process.Name}' needs a Spot key; key '{run.Session.Key.Name}' is a Futures key");
        }

        var calls = new CallTracker(run.Calls);
        var client = run.Session.CreateSpotClient(run.Http, calls);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, run.Session.LeaseLost);
        var snapshots = 0;
        var lastRead = 0L;
        try
        {
            while (true)
            {
                if (lastRead == 0 || run.Time.GetElapsedTime(lastRead) >= run.Options.EquityInterval)
                {
                    lastRead = run.Time.GetTimestamp();
                    snapshots += await ReadAsync(run, client, linked.Token).ConfigureAwait(false);
                }

                run.Status.Write("heartbeat", ("snapshots", snapshots), ("lastNonceAt", calls.LastSignedAt), ("guard", run.Session.Guard.State.Halted ? "halted" : "ok"), ("calls", calls.Calls), ("errors", calls.Errors));
                await Task.Delay(run.Options.HeartbeatInterval, run.Time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !run.Session.LeaseLost.IsCancellationRequested)
        {
            run.Status.Write("stopping");
            return WorkerExitCodes.Stopped;
        }
    }

    private static async Task<int> ReadAsync(WorkerRun run, SpotClient client, CancellationToken cancellationToken)
    {
        var written = 0;
        var now = run.Time.GetUtcNow();
        var balances = await client.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        if (balances.Success)
        {
            run.Journal.RecordSnapshot(new JournalSnapshot(run.Session.Account, AccountSnapshots.BalancesKind, run.Process.Name, now, AccountSnapshots.SpotBalancesJson(balances.Value)));
            written++;
        }
        else
        {
            Halts.ThrowIfHalting(balances.Error, run.Session.Guard);
            run.Log($"Balance failed: {balances.Error.Code}");
        }

        var volume = await client.GetTradeVolumeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (volume.Success)
        {
            run.Journal.RecordSnapshot(new JournalSnapshot(run.Session.Account, AccountSnapshots.VolumeKind, run.Process.Name, now, AccountSnapshots.VolumeJson(volume.Value.Currency, volume.Value.Volume)));
            written++;
        }
        else
        {
            Halts.ThrowIfHalting(volume.Error, run.Session.Guard);
            run.Log($"TradeVolume failed: {volume.Error.Code}");
        }

        return written;
    }
}
