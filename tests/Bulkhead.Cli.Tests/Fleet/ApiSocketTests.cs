using System.Text.Json;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// <c>bulkhead api ws spot|unified …</c> (the built CLI) against a real sandbox over real sockets: a public stream read,
/// and orders over the Unified WebSocket with a derivatives process's key through the fleet (lease, tokens through its
/// Spot client, the call journal).
/// </summary>
public sealed class ApiSocketTests
{
    [Fact]
    public async Task WsUnified_WithAFleetProcess_AddsSeesAndCancelsAnOrder_JournaledOnUnifiedWs()
    {
        await using var fleet = await ProvisionedFleet.StartAsync(market: true);
        var environment = fleet.Environment();
        (await CliProcess.RunAsync(environment, "sandbox", "provision", fleet.Manifest)).ExitCode.ShouldBe(0);
        string[] asHedge = ["--fleet", fleet.Manifest, "--process", "hedge-trader"];

        var ticker = await CliProcess.RunAsync(environment, "api", "ws", "spot", "subscribe", "ticker", "BTC/USD", "--count", "1", "--url", fleet.Url);
        ticker.ExitCode.ShouldBe(0, ticker.Error);
        using (var line = JsonDocument.Parse(ticker.Out.Trim()))
        {
            line.RootElement.GetProperty("channel").GetString().ShouldBe("ticker");
            line.RootElement.GetProperty("snapshot").GetBoolean().ShouldBeTrue();
            line.RootElement.GetProperty("items")[0].GetProperty("Symbol").GetString().ShouldBe("BTC/USD");
        }

        var added = await CliProcess.RunAsync(environment, ["api", "ws", "unified", "add", "PF_XBTUSD", "buy", "0.01", "50000", .. asHedge]);
        added.ExitCode.ShouldBe(0, added.Error);
        string orderId;
        using (var ack = JsonDocument.Parse(added.Out.Trim()))
        {
            orderId = ack.RootElement.GetProperty("OrderId").GetString()!;
        }

        var executions = await CliProcess.RunAsync(environment, ["api", "ws", "unified", "subscribe", "executions", "--count", "1", .. asHedge]);
        executions.ExitCode.ShouldBe(0, executions.Error);
        executions.Out.ShouldContain(orderId, customMessage: "the executions snapshot lists the order");

        var cancelled = await CliProcess.RunAsync(environment, ["api", "ws", "unified", "cancel-all", .. asHedge]);
        cancelled.ExitCode.ShouldBe(0, cancelled.Error);
        cancelled.Out.Trim().ShouldBe("""{"count":1}""");

        var journal = Directory.GetFiles(fleet.Journal, "calls-*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        journal.ShouldContain(r => r.GetProperty("venue").GetString() == "unified-ws" && r.GetProperty("endpoint").GetString() == "add_order" && r.GetProperty("process").GetString() == "hedge-trader");
        journal.ShouldNotContain(r => r.GetProperty("venue").GetString() == "futures");
        journal.Any(r => r.TryGetProperty("token", out var _)).ShouldBeFalse("no token in the journal");
    }

    [Fact]
    public async Task WsSpot_Usage_IsRefusedBeforeAnythingIsSent()
    {
        var noSymbol = await CliProcess.RunAsync(null, "api", "ws", "spot", "subscribe", "ticker");
        noSymbol.ExitCode.ShouldBe(2);
        noSymbol.Error.ShouldContain("subscribe ticker needs a SYMBOL");

        var badSide = await CliProcess.RunAsync(null, "api", "ws", "spot", "add", "BTC/USD", "hold", "1");
        badSide.ExitCode.ShouldBe(2);
        badSide.Error.ShouldContain("add takes SYMBOL buy|sell QUANTITY [PRICE]");
    }
}
