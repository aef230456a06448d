using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>
/// The real <c>bulkhead worker</c> process (the built CLI) against a real sandbox: SIGTERM stops it cleanly; a SIGKILLed
/// worker's orders are cancelled by the dead man's switch; its restart catches up the fills without duplicates.
/// </summary>
[Collection(nameof(WorkerProcessTests))]
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Sigterm_CancelsOrders_DisarmsTheSwitch_ReleasesTheLease_ExitsZero()
    {
        await using var fleet = await RuntimeFleet.StartAsync();
        using var worker = CliChild.Start(fleet.Variables, "worker", fleet.ManifestPath, "--process", "mm-trader");
        await WorkerHostTests.WaitForAsync(() => fleet.Exchange.OpenOrders("mm").Count > 0 || worker.HasExited, Deadline.TotalSeconds);
        fleet.Exchange.DeadMansSwitch("mm", TradingVenue.Spot).ShouldNotBeNull("armed while trading");

        worker.Terminate();
        var code = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(0, worker.Error);
        fleet.Exchange.OpenOrders("mm").ShouldBeEmpty();
        fleet.Exchange.DeadMansSwitch("mm", TradingVenue.Spot).ShouldBeNull("disarmed on a graceful stop");
        var events = StatusLines.Events(worker.Out);
        events[..2].ShouldBe(["starting", "running"]);
        events[^1].ShouldBe("stopped");
        events.ShouldContain("stopping");
        using var session = ProcessSession.Open(fleet.Manifest, "mm-trader", new ProcessSessionOptions { Time = TimeProvider.System, GetVariable = fleet.GetVariable });
        session.Lease.KeyName.ShouldBe("mm-trader"); // the lease was released: taken again at once
    }

    [Fact]
    public async Task Sigkill_DeadMansSwitchCancelsOrdersWithinWindow_RestartCatchesUpFillsOnce()
    {
        const int Window = 6;
        await using var fleet = await RuntimeFleet.StartAsync(text => text.Replace(
            "order_size = \"0.01\", max_inventory = \"0.05\" }", $"order_size = \"0.01\", max_inventory = \"0.05\", dms_seconds = \"{Window}\" }}", StringComparison.Ordinal));
        var killedAt = DateTimeOffset.MinValue;
        using (var worker = CliChild.Start(fleet.Variables, "worker", fleet.ManifestPath, "--process", "mm-trader"))
        {
            await WorkerHostTests.WaitForAsync(() => (fleet.Exchange.OpenOrders("mm").Count > 0 && fleet.Exchange.Trades("mm").Count > 0) || worker.HasExited, Deadline.TotalSeconds);
            worker.HasExited.ShouldBeFalse(worker.Error);
            worker.KillHard();
            killedAt = TimeProvider.System.GetUtcNow();
        }

        var orphans = fleet.Exchange.OpenOrders("mm").Select(o => o.Id).ToList();
        await WorkerHostTests.WaitForAsync(() => fleet.Exchange.OpenOrders("mm").Count == 0, Window * 5);
        foreach (var id in orphans)
        {
            var order = fleet.Exchange.FindOrder("mm", id)!;
            if (order.Reason == CancelReasons.DeadMansSwitch)
            {
                order.ClosedAt!.Value.ShouldBeLessThanOrEqualTo(killedAt + TimeSpan.FromSeconds(Window + 1), "the switch fires within its window of the last re-arm");
            }
        }

        fleet.Exchange.ClosedOrders("mm").ShouldContain(o => o.Reason == CancelReasons.DeadMansSwitch);

        // The restart (in-process, same key once the dead holder's lease is taken over) journals what it missed, once.
        using var output = new SharedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var restart = Bulkhead.Runtime.Worker.WorkerHost.RunAsync(fleet.Worker("mm-trader", output), stop.Token);
        await WorkerHostTests.WaitForAsync(() => StatusLines.Events(output.ToString()).Contains("order") || restart.IsCompleted, Deadline.TotalSeconds);
        await stop.CancelAsync();
        (await restart.WaitAsync(Deadline, TestContext.Current.CancellationToken)).ShouldBe(0, output.ToString());

        using var journal = fleet.OpenJournal();
        var fills = journal.Fills("mm");
        fills.Select(f => f.FillId).Distinct(StringComparer.Ordinal).Count().ShouldBe(fills.Count);
        fills.Count.ShouldBe(fleet.Exchange.Trades("mm").Count, "every exchange fill journaled exactly once");
    }
}

/// <summary>The real-process tests run one at a time (they start CLI processes on busy cores).</summary>
[CollectionDefinition(nameof(WorkerProcessTests), DisableParallelization = true)]
public sealed class WorkerProcessGroup;
