using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Runtime.Tests.Worker;
using Bulkhead.Runtime.Worker;
using Bulkhead.Testing.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Strategies;

/// <summary>
/// The three example strategies of examples/fleet.toml, each as a worker against a real sandbox over HTTP with its market
/// running; the trend strategies made eager (<see cref="ExampleManifests.EagerTrends"/>) so each fills within the minute.
/// </summary>
public sealed class ExampleStrategyTests : IAsyncLifetime
{
    private RuntimeFleet _fleet = null!;

    public async ValueTask InitializeAsync() => _fleet = await RuntimeFleet.StartAsync(ExampleManifests.EagerTrends);

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task ExampleStrategies_EachFillsWithin60Seconds_JournalMatchesExchange_StopLeavesNothingOpen()
    {
        var traders = new[] { ("mm-trader", "mm"), ("momo-trader", "momo"), ("hedge-trader", "hedge") };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var outputs = traders.ToDictionary(t => t.Item1, _ => new SharedWriter());
        var errors = traders.ToDictionary(t => t.Item1, _ => new SharedWriter());
        var runs = traders.Select(t => WorkerHost.RunAsync(_fleet.Worker(t.Item1, outputs[t.Item1], errors[t.Item1]), stop.Token)).ToList();
        var started = TimeProvider.System.GetTimestamp();

        await WorkerHostTests.WaitForAsync(() => traders.All(t => _fleet.Exchange.Trades(t.Item2).Count > 0) || runs.Any(r => r.IsCompleted), seconds: 60);
        var firstFills = TimeProvider.System.GetElapsedTime(started);
        await Task.Delay(TimeSpan.FromSeconds(3), TimeProvider.System, TestContext.Current.CancellationToken); // one more fills poll
        await stop.CancelAsync();
        var codes = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        foreach (var (process, account) in traders)
        {
            var output = outputs[process].ToString();
            TestContext.Current.TestOutputHelper?.WriteLine($"{process}: {_fleet.Exchange.Trades(account).Count} fills in {firstFills.TotalSeconds:0} s; stderr: {errors[process]}");
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", output.Split('\n').Where(l => l.Contains("\"order\"", StringComparison.Ordinal) || l.Contains("\"fill\"", StringComparison.Ordinal)).Take(30)));
        }

        codes.ShouldAllBe(c => c == WorkerExitCodes.Stopped, string.Join("\n", errors.Values));
        using var journal = _fleet.OpenJournal();
        foreach (var (process, account) in traders)
        {
            var exchangeFills = _fleet.Exchange.Trades(account);
            exchangeFills.ShouldNotBeEmpty($"{process} never filled: {errors[process]}");
            journal.Fills(account).Count.ShouldBe(exchangeFills.Count, $"{process}: every fill journaled once");
            journal.Orders(account).ShouldNotBeEmpty();
            journal.Equity(account).ShouldNotBeEmpty();
            _fleet.Exchange.OpenOrders(account).ShouldBeEmpty($"{process} left orders open");
            var events = StatusLines.Events(outputs[process].ToString());
            events[..2].ShouldBe(["starting", "running"]);
            events.ShouldContain("heartbeat");
            events[^1].ShouldBe("stopped");
            events.IndexOf("stopping").ShouldBeGreaterThan(events.LastIndexOf("heartbeat"), "no heartbeat after stopping");
        }

        // What the workers journaled reconciles with the exchange (JOURNAL's reconciler: fills, fees, P&L).
        var result = await FleetReconciler.RunAsync(_fleet.Manifest, new ProcessSessionOptions { Time = TimeProvider.System, GetVariable = _fleet.GetVariable }, TestContext.Current.CancellationToken);
        result.IsClean.ShouldBeTrue(string.Join("\n", result.Differences.Select(d => d.Message)));
    }
}
