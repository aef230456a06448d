using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Runtime.Tests.Supervisor;

/// <summary>Waits on a supervisor's <see cref="FleetSupervisor.Changed"/> event with a real deadline (never forever).</summary>
internal static class SupervisorWaits
{
    public static async Task<IReadOnlyList<ProcessStatus>> UntilAsync(FleetSupervisor supervisor, Func<IReadOnlyList<ProcessStatus>, bool> done, string what = "the supervisor's state")
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (done(supervisor.Snapshot()))
            {
                reached.TrySetResult();
            }
        }

        supervisor.Changed += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30), Xunit.TestContext.Current.CancellationToken)
                .ContinueWith(t => t.IsCompletedSuccessfully ? t : throw new TimeoutException($"waited 30 s for {what}; now: {string.Join(", ", supervisor.Snapshot().Select(p => $"{p.Process}={p.State}"))}"), TaskScheduler.Default)
                .ConfigureAwait(false);
            return supervisor.Snapshot();
        }
        finally
        {
            supervisor.Changed -= Check;
        }
    }

    public static async Task<FakeChild> ChildAsync(FleetSupervisor supervisor, FakeLauncher launcher, string process, int nth)
    {
        await UntilAsync(supervisor, _ => launcher.Of(process).Count >= nth, $"worker #{nth} of {process}");
        return launcher.Of(process)[nth - 1];
    }

    public static ProcessStatus Of(this IReadOnlyList<ProcessStatus> snapshot, string process) => snapshot.Single(p => p.Process == process);
}
