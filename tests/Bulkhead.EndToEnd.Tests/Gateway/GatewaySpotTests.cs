using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>
/// Unmodified ccxt <c>kraken</c> and npm <c>kraken-api</c> trading through a gateway against the sandbox, compared with the
/// same clients talking to the sandbox directly on another key of the same account.
/// </summary>
public sealed class GatewaySpotTests
{
    private const string Pair = "BTC/USD";

    [Fact]
    public async Task CcxtKraken_PlaceFillCancelBalancesHistory_SameAsDirect()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");
        var quote = await GatewayFleet.RunAsync(Ccxt, gateway, ClientStep.Call("fetchTicker", Pair));
        quote[0].Ok.ShouldBeTrue(quote[0].ToString());
        var bid = (decimal)quote[0].Value!["bid"]!.GetValue<double>();
        var ask = (decimal)quote[0].Value!["ask"]!.GetValue<double>();
        ClientStep[] steps =
        [
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, Math.Round(bid * 0.5m, 1)),
            ClientStep.Call("fetchOpenOrders", Pair),
            ClientStep.Call("cancelOrder", ClientStep.Ref(0, "id"), Pair),
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, Math.Round(ask * 1.01m, 1)),
            ClientStep.Call("fetchOrder", ClientStep.Ref(3, "id"), Pair),
            ClientStep.Call("fetchMyTrades", Pair),
            ClientStep.Call("fetchBalance"),
        ];

        var through = await GatewayFleet.RunAsync(Ccxt, gateway, steps);
        var direct = await fleet.RunDirectAsync(Ccxt, fleet.Direct["mm"], steps);

        for (var i = 0; i < steps.Length; i++)
        {
            through[i].Ok.ShouldBeTrue($"gateway step {i}: {through[i]}");
            direct[i].Ok.ShouldBeTrue($"direct step {i}: {direct[i]}");
        }

        foreach (var s in new[] { through, direct })
        {
            var open = s[1].Value!.AsArray().ShouldHaveSingleItem()!;
            open["id"]!.GetValue<string>().ShouldBe(s[0].Value!["id"]!.GetValue<string>());
            open["status"]!.GetValue<string>().ShouldBe("open");
            s[4].Value!["status"]!.GetValue<string>().ShouldBe("closed", "the marketable order filled");
            s[4].Value!["filled"]!.GetValue<double>().ShouldBe(0.01);
        }

        // Same account: after both runs, its history and balances read the same through the gateway as directly.
        var after = await GatewayFleet.RunAsync(Ccxt, gateway, ClientStep.Call("fetchMyTrades", Pair), ClientStep.Call("fetchBalance"));
        var afterDirect = await fleet.RunDirectAsync(Ccxt, fleet.Direct["mm"], ClientStep.Call("fetchMyTrades", Pair), ClientStep.Call("fetchBalance"));
        after[0].Value!.AsArray().Count.ShouldBe(2, after[0].ToString());
        JsonNode.DeepEquals(after[0].Value, afterDirect[0].Value).ShouldBeTrue($"{after[0]} vs {afterDirect[0]}");
        JsonNode.DeepEquals(after[1].Value, afterDirect[1].Value).ShouldBeTrue($"{after[1]} vs {afterDirect[1]}");
        after[1].Value!["BTC"]!["total"]!.GetValue<double>().ShouldBe(2.02, 1e-9);

        // Every signed call went through the session's journal, under the manifest's key name.
        var journaled = fleet.Journal.Records;
        journaled.ShouldAllBe(r => r.KeyName == "spot-trader");
        journaled.Count(r => r.Endpoint == "AddOrder").ShouldBe(2);
        journaled.Count(r => r.Endpoint == "CancelOrder").ShouldBe(1);
        fleet.Sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task KrakenApi_AddQueryCancelTradesHistory_SameAsDirect()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");
        ClientStep[] steps =
        [
            Add("buy", "10000", "0.01"),
            ClientStep.Call("OpenOrders"),
            ClientStep.Call("QueryOrders", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(0, "txid.0") }),
            ClientStep.Call("CancelOrder", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(0, "txid.0") }),
            ClientStep.Call("Balance"),
            ClientStep.Call("CancelOrder", new Dictionary<string, object> { ["txid"] = "OAAAAA-BBBBB-CCCCCC" }),
        ];

        var through = await GatewayFleet.RunAsync(KrakenApi, gateway, steps);
        var direct = await fleet.RunDirectAsync(KrakenApi, fleet.Direct["mm"], steps);

        for (var i = 0; i < steps.Length - 1; i++)
        {
            through[i].Ok.ShouldBeTrue($"gateway step {i}: {through[i]}");
            direct[i].Ok.ShouldBeTrue($"direct step {i}: {direct[i]}");
        }

        through[0].Value!["descr"]!.ToJsonString().ShouldBe(direct[0].Value!["descr"]!.ToJsonString());
        through[3].Value!["count"]!.GetValue<int>().ShouldBe(1);
        JsonNode.DeepEquals(through[4].Value, direct[4].Value).ShouldBeTrue($"{through[4]} vs {direct[4]}");
        through[5].Ok.ShouldBeFalse();
        through[5].Message.ShouldBe(direct[5].Message, "the exchange's own error comes back unchanged");
        through[5].Message.ShouldBe("Order:Unknown order");
    }

    [Fact]
    public async Task Answers_AreTheExchangesBytes_StatusContentTypeAndBody()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");

        var time = await GatewayWire.GetAsync(gateway.Url, "/0/public/Time");
        var timeDirect = await GatewayWire.GetAsync(fleet.Sandbox.BaseUrl, "/0/public/Time");
        time.ShouldBe(timeDirect with { Body = time.Body }, "status and content type");
        time.Body.ShouldBe(timeDirect.Body);

        var unknown = await GatewayWire.GetAsync(gateway.Url, "/0/public/Ticker?pair=NOPE");
        var unknownDirect = await GatewayWire.GetAsync(fleet.Sandbox.BaseUrl, "/0/public/Ticker?pair=NOPE");
        (unknown.Status, unknown.ContentType, unknown.Text).ShouldBe((unknownDirect.Status, unknownDirect.ContentType, unknownDirect.Text));

        var local = gateway.Credential;
        var balance = await GatewayWire.SpotPrivateAsync(gateway.Url, local.ApiKey, local.Secret, "Balance", 1);
        var direct = fleet.Direct["mm"];
        var balanceDirect = await GatewayWire.SpotPrivateAsync(fleet.Sandbox.BaseUrl, direct.Key, direct.Secret, "Balance", 1);
        (balance.Status, balance.ContentType).ShouldBe((balanceDirect.Status, balanceDirect.ContentType));
        balance.Text.ShouldBe(balanceDirect.Text);
        balance.Text.ShouldContain("\"ZUSD\"");
    }

    private static ClientStep Add(string side, string price, string volume) =>
        ClientStep.Call("AddOrder", new Dictionary<string, object> { ["pair"] = "XBTUSD", ["type"] = side, ["ordertype"] = "limit", ["price"] = price, ["volume"] = volume });
}
