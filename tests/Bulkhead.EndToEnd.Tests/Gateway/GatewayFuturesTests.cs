using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>
/// Unmodified ccxt <c>krakenfutures</c> trading <c>PF_XBTUSD</c> through a gateway (derivatives and history APIs), compared
/// with the same client talking to the sandbox directly on another key of the same account.
/// </summary>
public sealed class GatewayFuturesTests
{
    private const string Perp = "BTC/USD:USD";

    [Fact]
    public async Task CcxtKrakenFutures_PlaceFillCancelPositionsBalancesHistory_SameAsDirect()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("futures-bot");
        var quote = await GatewayFleet.RunAsync(CcxtFutures, gateway, ClientStep.Call("fetchTicker", Perp));
        quote[0].Ok.ShouldBeTrue(quote[0].ToString());
        var bid = (decimal)quote[0].Value!["bid"]!.GetValue<double>();
        ClientStep[] steps =
        [
            ClientStep.Call("createOrder", Perp, "limit", "buy", 0.01, Math.Round(bid * 0.9m, 0)),
            ClientStep.Call("fetchOpenOrders", Perp),
            ClientStep.Call("cancelOrder", ClientStep.Ref(0, "id"), Perp),
            ClientStep.Call("fetchOpenOrders", Perp),
            ClientStep.Call("createOrder", Perp, "market", "buy", 0.01),
            ClientStep.Call("fetchMyTrades", Perp),
            ClientStep.Call("fetchBalance"),
        ];

        var through = await GatewayFleet.RunAsync(CcxtFutures, gateway, steps);
        var direct = await fleet.RunDirectAsync(CcxtFutures, fleet.Direct["hedge"], steps);

        for (var i = 0; i < steps.Length; i++)
        {
            through[i].Ok.ShouldBeTrue($"gateway step {i}: {through[i]}");
            direct[i].Ok.ShouldBeTrue($"direct step {i}: {direct[i]}");
        }

        foreach (var s in new[] { through, direct })
        {
            s[1].Value!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(s[0].Value!["id"]!.GetValue<string>());
            s[3].Value!.AsArray().ShouldBeEmpty();
        }

        // Same account: its positions, fills and balances read the same through the gateway as directly.
        ClientStep[] reads = [ClientStep.Call("fetchPositions"), ClientStep.Call("fetchMyTrades", Perp), ClientStep.Call("fetchBalance")];
        var after = await GatewayFleet.RunAsync(CcxtFutures, gateway, reads);
        var afterDirect = await fleet.RunDirectAsync(CcxtFutures, fleet.Direct["hedge"], reads);
        var position = after[0].Value!.AsArray().ShouldHaveSingleItem()!;
        position["contracts"]!.GetValue<double>().ShouldBe(0.02, 1e-9, "both market buys, one through the gateway");
        after[1].Value!.AsArray().Count.ShouldBe(2);
        for (var i = 0; i < reads.Length; i++)
        {
            JsonNode.DeepEquals(Without(after[i].Value, "timestamp", "datetime", "lastUpdateTimestamp"), Without(afterDirect[i].Value, "timestamp", "datetime", "lastUpdateTimestamp"))
                .ShouldBeTrue($"read {i}: {after[i]} vs {afterDirect[i]}");
        }

        var journaled = fleet.Journal.Records;
        journaled.ShouldAllBe(r => r.KeyName == "futures-trader" && r.Venue == "futures");
        journaled.Count(r => r.Endpoint == "POST sendorder").ShouldBe(2);
        journaled.Count(r => r.Endpoint == "POST cancelorder").ShouldBe(1);
        fleet.Sandbox.ShouldConserveTotals();
    }

    // A read's own clock fields (when it was read, not what it says) are set per call; everything else must match.
    private static JsonNode? Without(JsonNode? node, params string[] names)
    {
        var copy = node?.DeepClone();
        Strip(copy, names);
        return copy;
    }

    private static void Strip(JsonNode? node, string[] names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in names)
                {
                    o.Remove(name);
                }

                foreach (var (_, value) in o)
                {
                    Strip(value, names);
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Strip(value, names);
                }

                break;
        }
    }
}
