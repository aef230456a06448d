using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Strategies;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Worker;

/// <summary>The trader role: the process's strategy (by its kind) on its subaccount's venue, run by a <see cref="StrategyHost"/>.</summary>
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
        var venue = OpenVenue(run, tracker);
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
        var host = new StrategyHost(context, implementation, venue, run.Journal, run.Status, settings, tracker, run.Log, run.Session.Guard, run.Session.LeaseLost);
        return await host.RunAsync(stop).ConfigureAwait(false);
    }

    /// <summary>The account of the process's key, on its venue's transport (<see cref="Fleet.Sessions.ProcessSession.OpenVenue"/>).</summary>
    internal static ITradingVenue OpenVenue(WorkerRun run, CallTracker tracker) =>
        new StrategyVenue(run.Session.Key.Venue, run.Session.OpenVenue(run.Http, tracker), run.Time);
}
