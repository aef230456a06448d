using Bulkhead.Cli.Tests;
using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Worker;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary><c>bulkhead flatten FILE STRATEGY</c> (the built CLI) after the traders built positions on a real sandbox.</summary>
[Collection(nameof(WorkerProcessTests))]
public sealed class FlattenTests
{
    [Fact]
    public async Task Flatten_SpotAndFutures_CancelsAndClosesTheStrategysPosition_JournalsTheFills()
    {
        await using var fleet = await RuntimeFleet.StartAsync(ExampleManifests.EagerTrends); // the futures strategy holds a position within seconds
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            var traders = new[] { "mm-trader", "hedge-trader" }.Select(p => WorkerHost.RunAsync(fleet.Worker(p, TextWriter.Null), stop.Token)).ToList();
            await WorkerHostTests.WaitForAsync(() => Position(fleet, "hedge", "PF_XBTUSD") != 0m && fleet.Exchange.Balances("mm", Wallet.Spot).GetValueOrDefault("XXBT") != 0.5m);
            await stop.CancelAsync();
            (await Task.WhenAll(traders).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldAllBe(c => c == WorkerExitCodes.Stopped);
        }

        var hedge = await CliProcess.RunAsync(fleet.Variables, "flatten", fleet.ManifestPath, "hedge");
        var mm = await CliProcess.RunAsync(fleet.Variables, "flatten", fleet.ManifestPath, "mm");

        hedge.ExitCode.ShouldBe(0, hedge.Error);
        mm.ExitCode.ShouldBe(0, mm.Error);
        StatusLines.Events(hedge.Out)[^1].ShouldBe("stopped");
        Position(fleet, "hedge", "PF_XBTUSD").ShouldBe(0m, "the futures position is closed (journal view)");
        fleet.Exchange.Balances("mm", Wallet.Spot)["XXBT"].ShouldBe(0.5m, "the base balance is back at the manifest's funding");
        fleet.Exchange.OpenOrders("mm").ShouldBeEmpty();
        using var journal = fleet.OpenJournal();
        journal.Orders("hedge").ShouldContain(o => o.Process == "hedge-flattener" && o.State == JournalOrderState.Filled);
        journal.Fills("hedge").Count.ShouldBe(fleet.Exchange.Trades("hedge").Count);
        journal.Fills("mm").Count.ShouldBe(fleet.Exchange.Trades("mm").Count);
    }

    [Fact]
    public async Task Flatten_UnknownStrategy_ExitsConfigurationNamingTheStrategies()
    {
        await using var fleet = await RuntimeFleet.StartAsync(market: false);

        var run = await CliProcess.RunAsync(fleet.Variables, "flatten", fleet.ManifestPath, "nope");

        run.ExitCode.ShouldBe(WorkerExitCodes.Configuration);
        run.Error.ShouldContain("no strategy 'nope' (strategies: mm, momo, hedge)");
    }

    private static decimal Position(RuntimeFleet fleet, string account, string symbol)
    {
        using var journal = fleet.OpenJournal();
        return FillPnl.Fold(journal.Fills(account)).TryGetValue(symbol, out var p) ? p.Position : 0m;
    }
}
