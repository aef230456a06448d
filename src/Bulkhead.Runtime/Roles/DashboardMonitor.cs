using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Roles;

/// <summary>The read-only monitor (role <c>dashboard</c>).</summary>
internal static class DashboardMonitor
{
    public static Task<int> RunAsync(WorkerRun run, CancellationToken stop) => TraderRunner.RunAsync(run, stop);
}
