using Bulkhead.Runtime.Worker;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>The worker host in-process against a real provisioned sandbox: session, status lines, exit codes.</summary>
public sealed class WorkerHostTests : IAsyncLifetime
{
    /// <summary>How long a worker may take to exit (a hang fails the test by name instead of stalling the run).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private RuntimeFleet _fleet = null!;

    public async ValueTask InitializeAsync() => _fleet = await RuntimeFleet.StartAsync(market: false);

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task UnknownProcess_ExitsConfigurationWithErrorLine()
    {
        using var output = new SharedWriter();
        using var error = new StringWriter();

        var code = await WorkerHost.RunAsync(_fleet.Worker("nope", output, error), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.Configuration);
        StatusLines.Events(output.ToString()).ShouldBe(["starting", "error"]);
        StatusLines.Last(output.ToString(), "error")!["message"]!.GetValue<string>().ShouldContain("no process 'nope'");
        error.ToString().ShouldContain("no process 'nope'");
    }

    [Fact]
    public async Task ReconcilerProcess_ExitsConfigurationSayingWhichCommandRunsIt()
    {
        using var output = new SharedWriter();

        var code = await WorkerHost.RunAsync(_fleet.Worker("mm-reconciler", output), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.Configuration);
        StatusLines.Last(output.ToString(), "error")!["message"]!.GetValue<string>().ShouldContain("bulkhead reconcile");
    }

    [Fact]
    public async Task KeyHeldByAnotherWorker_ExitsKeyHeld()
    {
        using var first = new SharedWriter();
        using var second = new SharedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = WorkerHost.RunAsync(_fleet.Worker("dashboard", first), stop.Token);
        await WaitForAsync(() => StatusLines.Events(first.ToString()).Contains("running") || running.IsCompleted);

        var code = await WorkerHost.RunAsync(_fleet.Worker("dashboard", second), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        code.ShouldBe(WorkerExitCodes.KeyHeld);
        StatusLines.Last(second.ToString(), "error")!["message"]!.GetValue<string>().ShouldContain("dashboard");
        (await running.WaitAsync(Bound, TestContext.Current.CancellationToken)).ShouldBe(WorkerExitCodes.Stopped, first.ToString());
        StatusLines.Events(first.ToString()).ShouldContain("stopped");
    }

    [Fact]
    public async Task Dashboard_JournalsTheMastersBalancesAndVolume_StopsOnRequest()
    {
        using var output = new SharedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = WorkerHost.RunAsync(_fleet.Worker("dashboard", output), stop.Token);
        using (var journal = _fleet.OpenJournal())
        {
            await WaitForAsync(() => journal.Snapshots().Count(s => s.Account == "desk") >= 2 || running.IsCompleted);
            var kinds = journal.Snapshots().Where(s => s.Account == "desk").Select(s => s.Kind).Order().ToList();
            kinds.ShouldBe(["balances", "volume"]);
            journal.Snapshots().Single(s => s.Kind == "balances").Json.ShouldContain("\"ZUSD\":\"100000");
        }

        await stop.CancelAsync();
        (await running.WaitAsync(Bound, TestContext.Current.CancellationToken)).ShouldBe(WorkerExitCodes.Stopped);
        StatusLines.Events(output.ToString())[^1].ShouldBe("stopped");
    }

    internal static async Task WaitForAsync(Func<bool> condition, double seconds = 60)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException("the condition did not hold in time");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }
}
