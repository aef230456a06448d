using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Strategies;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// The trader role: the process's strategy (by its kind) on its subaccount's venue, over the process's transport
/// (<see cref="WorkerVenue"/>), run by a <see cref="StrategyHost"/>.
/// </summary>
internal static class TraderRunner
{
    public static async Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        var strategy = run.Manifest.FindStrategy(run.Process.Strategy!)!;
        IStrategy loaded;
        try
        {
            loaded = StrategyCatalog.Create(strategy, run.Manifest.BaseDirectory);
        }
        catch (StrategyLoadException e)
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, e.Message);
        }

        var tracker = new CallTracker(run.Calls);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, run.Session.LeaseLost);
        WorkerVenue opened;
        try
        {
            opened = await WorkerVenue.OpenAsync(run, tracker, strategy.Pairs, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !run.Session.LeaseLost.IsCancellationRequested)
        {
            return WorkerExitCodes.Stopped;
        }

        await using var owned = opened.ConfigureAwait(false);
        var venue = opened.Trading;
        var context = new StrategyContext(strategy, run.Manifest.FindSubaccount(strategy.Account), run.Process.Name, venue, run.Journal, run.Time, run.Session.Guard, run.Status, run.Log, run.Session.OpenFees(run.Http, tracker));
        var implementation = GuardedStrategy.For(loaded, context, run.Log);
        var settings = new HostSettings(
            run.Options.PollInterval,
            run.Options.HeartbeatInterval,
            run.Options.EquityInterval,
            TimeSpan.FromSeconds(Math.Ceiling(context.Parameters.GetSeconds("dms_seconds", run.Options.DeadMansSwitch).TotalSeconds)))
        {
            KillSwitch = run.Options.KillSwitch,
            KillSwitchWindow = run.Options.KillSwitchWindow,
        };
        var host = new StrategyHost(context, implementation, venue, run.Journal, run.Status, settings, tracker, run.Log, run.Session.Guard, run.Session.LeaseLost) { Sockets = opened.Sockets };
        return await host.RunAsync(stop).ConfigureAwait(false);
    }
}
