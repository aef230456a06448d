namespace Bulkhead.Runtime.Worker;

/// <summary>The trader role: runs the process's strategy (placeholder until the strategy host lands).</summary>
internal static class TraderRunner
{
    public static async Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        run.Status.Write("heartbeat", ("guard", "ok"));
        try
        {
            while (true)
            {
                await Task.Delay(run.Options.HeartbeatInterval, run.Time, stop).ConfigureAwait(false);
                run.Status.Write("heartbeat", ("guard", run.Session.Guard.State.Halted ? "halted" : "ok"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            run.Status.Write("stopping");
            return WorkerExitCodes.Stopped;
        }
    }
}
