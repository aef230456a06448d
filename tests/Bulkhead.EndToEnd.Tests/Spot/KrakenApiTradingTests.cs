using System.Globalization;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>npm <c>kraken-api</c> 1.0.2, unmodified, trading on the real <c>bulkhead sandbox serve</c> process.</summary>
public sealed class KrakenApiTradingTests
{
    [Fact]
    public async Task AddOrderOpenOrdersQueryOrdersCancelOrderTradesHistory()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("seller");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        await sandbox.Admin.DepositAsync("seller", "XXBT", "1");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);
        var sellerKey = await sandbox.Admin.CreateSpotKeyAsync("seller", Trader);
        var ask = await sandbox.RunAsync(KrakenApi, sellerKey, Add("sell", "50000", "0.01"));
        ask[0].Ok.ShouldBeTrue(ask[0].ToString());

        var s = await sandbox.RunAsync(
            KrakenApi,
            key,
            Add("buy", "40000", "0.01", userref: 42),
            ClientStep.Call("OpenOrders"),
            ClientStep.Call("QueryOrders", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(0, "txid.0") }),
            ClientStep.Call("CancelOrder", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(0, "txid.0") }),
            ClientStep.Call("QueryOrders", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(0, "txid.0") }),
            Add("buy", "51000", "0.01"),
            ClientStep.Call("TradesHistory"),
            ClientStep.Call("QueryOrders", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(5, "txid.0"), ["trades"] = true }),
            ClientStep.Call("CancelOrder", new Dictionary<string, object> { ["txid"] = "OAAAAA-BBBBB-CCCCCC" }));

        for (var i = 0; i < s.Count - 1; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        var id = s[0].Value!["txid"]![0]!.GetValue<string>();
        s[0].Value!["descr"]!["order"]!.GetValue<string>().ShouldBe("buy 0.01000000 XBTUSD @ limit 40000.0");
        var open = s[1].Value!["open"]![id].ShouldNotBeNull(s[1].ToString());
        open["userref"]!.GetValue<long>().ShouldBe(42);
        open["status"]!.GetValue<string>().ShouldBe("open");
        s[2].Value![id]!["vol"]!.GetValue<string>().ShouldStartWith("0.01");
        s[3].Value!["count"]!.GetValue<int>().ShouldBe(1);
        s[4].Value![id]!["status"]!.GetValue<string>().ShouldBe("canceled");
        var taker = s[5].Value!["txid"]![0]!.GetValue<string>();
        var trade = s[6].Value!["trades"]!.AsObject().ShouldHaveSingleItem().Value!;
        trade["ordertxid"]!.GetValue<string>().ShouldBe(taker);
        trade["type"]!.GetValue<string>().ShouldBe("buy");
        Dec(trade["price"]!.GetValue<string>()).ShouldBe(50000m, "the maker's price");
        Dec(trade["vol"]!.GetValue<string>()).ShouldBe(0.01m);
        Dec(trade["fee"]!.GetValue<string>()).ShouldBe(2m);
        var filled = s[7].Value![taker]!;
        filled["status"]!.GetValue<string>().ShouldBe("closed");
        filled["trades"]!.AsArray().Count.ShouldBe(1);
        s[8].Ok.ShouldBeFalse();
        s[8].Message.ShouldBe("Order:Unknown order", "kraken-api drops the leading 'E'");
        await sandbox.ShouldConserveAsync();
    }

    private static ClientStep Add(string side, string price, string volume, long? userref = null)
    {
        var args = new Dictionary<string, object> { ["pair"] = "XBTUSD", ["type"] = side, ["ordertype"] = "limit", ["price"] = price, ["volume"] = volume };
        if (userref is { } u)
        {
            args["userref"] = u;
        }

        return ClientStep.Call("AddOrder", args);
    }

    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
