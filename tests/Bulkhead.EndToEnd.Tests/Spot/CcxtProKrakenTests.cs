using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>
/// ccxt pro <c>kraken</c> 4.5.84, unmodified, on the real <c>bulkhead sandbox serve</c> process: REST and the Spot
/// WebSocket v2 endpoints (<c>ws://…/v2</c>, <c>ws://…/auth/v2</c>) used together — watchBalance, watchOrders,
/// watchMyTrades and watchTrades stream what createOrderWs, editOrderWs, cancelOrderWs, cancelAllOrdersWs and REST do.
/// </summary>
public sealed class CcxtProKrakenTests
{
    private const string Pair = "BTC/USD";

    [Fact]
    public async Task WatchAndTradeOverWebSocket_StreamsWhatRestAndWebSocketOrdersDo()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: false, inMemory: true);
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "100000");
        await sandbox.Admin.CreateAccountAsync("other");
        await sandbox.Admin.DepositAsync("other", "XXBT", "1");
        var desk = await sandbox.Admin.CreateSpotKeyAsync("desk", SocketTrader);
        var other = await sandbox.Admin.CreateSpotKeyAsync("other", Trader);
        var pro = new ProClient(sandbox.BaseUrl).With("desk", desk).With("other", other);

        pro.Call(null, "loadMarkets");
        var balanceWatch = pro.Watch(null, "balance", "watchBalance");
        pro.Watch(null, "orders", "watchOrders");
        pro.Watch(null, "myTrades", "watchMyTrades");
        pro.Watch(null, "trades", "watchTrades", Pair);
        var snapshotBalance = pro.Wait("balance", new Dictionary<string, object> { ["USD.total"] = 100000 });
        var restOrder = pro.Call(null, "createOrder", Pair, "limit", "buy", 0.01, 40000);
        var restSeen = pro.Wait("orders", new Dictionary<string, object> { ["id"] = Ref(restOrder, "id"), ["status"] = "open" });
        var wsOrder = pro.Call(null, "createOrderWs", Pair, "limit", "buy", 0.02, 41000);
        var openOrders = pro.Call(null, "fetchOpenOrders", Pair);
        var edited = pro.Call(null, "editOrderWs", Ref(wsOrder, "id"), Pair, "limit", "buy", 0.03, 41500);
        var editSeen = pro.Wait("orders", new Dictionary<string, object> { ["id"] = Ref(wsOrder, "id"), ["amount"] = 0.03, ["price"] = 41500 });
        var cancelled = pro.Call(null, "cancelOrderWs", Ref(restOrder, "id"));
        var cancelSeen = pro.Wait("orders", new Dictionary<string, object> { ["id"] = Ref(restOrder, "id"), ["status"] = "canceled" });
        var fill = pro.Call("other", "createOrder", Pair, "market", "sell", 0.03);
        var myTrade = pro.Wait("myTrades", new Dictionary<string, object> { ["order"] = Ref(wsOrder, "id") });
        var publicTrade = pro.Wait("trades", new Dictionary<string, object> { ["price"] = 41500 });
        var filledSeen = pro.Wait("orders", new Dictionary<string, object> { ["id"] = Ref(wsOrder, "id"), ["status"] = "closed" });
        var btcSeen = pro.Wait("balance", new Dictionary<string, object> { ["BTC.total"] = 0.03 });
        var last = pro.Call(null, "createOrderWs", Pair, "limit", "buy", 0.01, 30000);
        var cancelAll = pro.Call(null, "cancelAllOrdersWs");
        var lastSeen = pro.Wait("orders", new Dictionary<string, object> { ["id"] = Ref(last, "id"), ["status"] = "canceled" });
        var finalOpen = pro.Call(null, "fetchOpenOrders", Pair);

        var s = await pro.RunAsync(TestContext.Current.CancellationToken);

        s.ShouldAllBe(o => o.Ok, string.Join("\n", s.Select((o, i) => $"{i}: {o}")) + "\n" + sandbox.Log);
        s[balanceWatch].Value!["watching"]!.GetValue<string>().ShouldBe("balance");
        s[snapshotBalance].Value!["USD"]!["total"]!.GetValue<double>().ShouldBe(100000);
        s[restSeen].Value!["side"]!.GetValue<string>().ShouldBe("buy");
        var wsId = s[wsOrder].Value!["id"]!.GetValue<string>();
        wsId.ShouldMatch("^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$");
        s[openOrders].Value!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ShouldBe([s[restOrder].Value!["id"]!.GetValue<string>(), wsId], ignoreOrder: true);
        s[edited].Value!["id"]!.GetValue<string>().ShouldBe(wsId);
        s[editSeen].Value!["symbol"]!.GetValue<string>().ShouldBe(Pair);
        s[cancelled].Ok.ShouldBeTrue();
        s[cancelSeen].Value!["status"]!.GetValue<string>().ShouldBe("canceled");
        s[fill].Value!["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var trade = s[myTrade].Value!;
        (trade["price"]!.GetValue<double>(), trade["amount"]!.GetValue<double>(), trade["side"]!.GetValue<string>(), trade["takerOrMaker"]!.GetValue<string>())
            .ShouldBe((41500, 0.03, "buy", "maker"));
        trade["fee"]!["currency"]!.GetValue<string>().ShouldBe("USD");
        s[publicTrade].Value!["side"]!.GetValue<string>().ShouldBe("sell");
        s[filledSeen].Value!["status"]!.GetValue<string>().ShouldBe("closed");
        s[btcSeen].Value!["BTC"]!["total"]!.GetValue<double>().ShouldBe(0.03);
        s[cancelAll].Ok.ShouldBeTrue();
        s[lastSeen].Value!["status"]!.GetValue<string>().ShouldBe("canceled");
        s[finalOpen].Value!.AsArray().ShouldBeEmpty();
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task WatchPublicChannels_WhileTheMarketRuns_TickerBookCandlesAndTrades()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: true, inMemory: true);
        await sandbox.Admin.CreateAccountAsync("viewer");
        var viewer = await sandbox.Admin.CreateSpotKeyAsync("viewer", SocketTrader);
        var pro = new ProClient(sandbox.BaseUrl).With("viewer", viewer);

        pro.Call(null, "loadMarkets");
        var ticker = pro.Call(null, "watchTicker", Pair);
        var book = pro.Call(null, "watchOrderBook", Pair, 10);
        var laterBook = pro.Call(null, "watchOrderBook", Pair, 10);
        var candles = pro.Call(null, "watchOHLCV", Pair, "1m");
        var trades = pro.Call(null, "watchTrades", Pair);
        var restTicker = pro.Call(null, "fetchTicker", Pair);

        var s = await pro.RunAsync(TestContext.Current.CancellationToken);

        s.ShouldAllBe(o => o.Ok, string.Join("\n", s.Select((o, i) => $"{i}: {o}")) + "\n" + sandbox.Log);
        var t = s[ticker].Value!;
        t["symbol"]!.GetValue<string>().ShouldBe(Pair);
        t["bid"]!.GetValue<double>().ShouldBeLessThan(t["ask"]!.GetValue<double>());
        t["bid"]!.GetValue<double>().ShouldBe(s[restTicker].Value!["bid"]!.GetValue<double>(), tolerance: t["bid"]!.GetValue<double>() * 0.05);
        foreach (var step in new[] { book, laterBook })
        {
            var b = s[step].Value!;
            var bids = b["bids"]!.AsArray().Select(l => l![0]!.GetValue<double>()).ToArray();
            var asks = b["asks"]!.AsArray().Select(l => l![0]!.GetValue<double>()).ToArray();
            bids.Length.ShouldBe(10);
            asks.Length.ShouldBe(10);
            bids.ShouldBe(bids.OrderByDescending(p => p).ToArray());
            asks.ShouldBe(asks.OrderBy(p => p).ToArray());
            bids[0].ShouldBeLessThan(asks[0]);
        }

        var candle = s[candles].Value!.AsArray()[^1]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        (candle[2] >= candle[1] && candle[2] >= candle[4] && candle[3] <= candle[1] && candle[3] <= candle[4]).ShouldBeTrue(string.Join(",", candle));
        var trade = s[trades].Value!.AsArray()[^1]!;
        trade["symbol"]!.GetValue<string>().ShouldBe(Pair);
        trade["price"]!.GetValue<double>().ShouldBeGreaterThan(0);
    }

    private static string Ref(int step, string path) => ClientStep.Ref(step, path);
}
