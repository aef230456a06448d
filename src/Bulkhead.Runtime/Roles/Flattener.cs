using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Roles;

/// <summary>The flattener (one shot).</summary>
internal static class Flattener
{
    public static Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        _ = stop;
        run.Status.Write("stopping");
        return Task.FromResult(WorkerExitCodes.Stopped);
    }
}
