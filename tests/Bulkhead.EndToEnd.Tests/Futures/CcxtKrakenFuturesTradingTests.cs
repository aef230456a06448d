using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Futures;

/// <summary>
/// ccxt <c>krakenfutures</c> 4.5.84, unmodified, trading <c>PF_XBTUSD</c> on the real <c>bulkhead sandbox serve</c>
/// process with the simulated market on: market data, orders (limit, market, reduce-only), edit, cancel, cancel-all,
/// fills, a position whose unrealised P&amp;L follows the market, the flex balance, and conservation afterwards.
/// </summary>
public sealed class CcxtKrakenFuturesTradingTests
{
    private const string Perp = "BTC/USD:USD";

    [Fact]
    public async Task MarketData_TickersBookAndCandles_FromTheSimulatedMarket()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: true);

        var s = await sandbox.RunAsync(
            CcxtFutures,
            null,
            ClientStep.Call("loadMarkets"),
            ClientStep.Call("fetchTicker", Perp),
            ClientStep.Call("fetchTickers"),
            ClientStep.Call("fetchOrderBook", Perp));
        // Trade candles exist once the noise takers traded the perpetual (the first market steps, 1 s each).
        var candles = await sandbox.PollAsync(CcxtFutures, null, ClientStep.Call("fetchOHLCV", Perp, "1m"), v => v.AsArray().Count > 0);
        var trades = await sandbox.PollAsync(CcxtFutures, null, ClientStep.Call("fetchTrades", Perp), v => v.AsArray().Count > 0);

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        var ticker = s[1].Value!;
        ticker["bid"]!.GetValue<double>().ShouldBeGreaterThan(0);
        ticker["ask"]!.GetValue<double>().ShouldBeGreaterThan(ticker["bid"]!.GetValue<double>());
        s[2].Value!.AsObject().ContainsKey(Perp).ShouldBeTrue(s[2].ToString());
        s[3].Value!["bids"]!.AsArray().Count.ShouldBeGreaterThan(0);
        s[3].Value!["asks"]!.AsArray().Count.ShouldBeGreaterThan(0);
        // The market steps once a second, so the book (a later call) may have moved a tick or two from the ticker.
        var bookBid = s[3].Value!["bids"]![0]![0]!.GetValue<double>();
        bookBid.ShouldBeLessThan(s[3].Value!["asks"]![0]![0]!.GetValue<double>());
        bookBid.ShouldBe(ticker["bid"]!.GetValue<double>(), tolerance: ticker["bid"]!.GetValue<double>() * 0.01);
        candles.AsArray().Count.ShouldBeGreaterThan(0, "at least the current candle");
        candles[0]![4]!.GetValue<double>().ShouldBeGreaterThan(0);
        trades.AsArray().Count.ShouldBeGreaterThan(0);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task Trading_LimitEditCancelCancelAllMarketAndReduceOnly_PositionPnlFollowsTheMarket()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: true);
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "100000", wallet: "futures");
        var key = await sandbox.Admin.CreateFuturesKeyAsync("desk", "full", withdraw: false);
        var quote = await sandbox.RunAsync(CcxtFutures, null, ClientStep.Call("fetchTicker", Perp));
        var bid = (decimal)quote[0].Value!["bid"]!.GetValue<double>();
        var resting = Math.Round(bid * 0.9m, 0);

        var s = await sandbox.RunAsync(
            CcxtFutures,
            key,
            ClientStep.Call("createOrder", Perp, "limit", "buy", 0.01, resting),
            ClientStep.Call("fetchOpenOrders", Perp),
            ClientStep.Call("editOrder", ClientStep.Ref(0, "id"), Perp, "limit", "buy", 0.02, resting - 100),
            ClientStep.Call("fetchOpenOrders", Perp),
            ClientStep.Call("cancelOrder", ClientStep.Ref(0, "id"), Perp),
            ClientStep.Call("createOrder", Perp, "limit", "buy", 0.01, resting - 200),
            ClientStep.Call("createOrder", Perp, "limit", "sell", 0.01, Math.Round(bid * 1.1m, 0)),
            ClientStep.Call("cancelAllOrders", Perp),
            ClientStep.Call("fetchOpenOrders", Perp),
            ClientStep.Call("createOrder", Perp, "market", "buy", 0.01),
            ClientStep.Call("fetchPositions"),
            ClientStep.Call("fetchMyTrades", Perp),
            ClientStep.Call("fetchBalance"));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        var id = s[0].Value!["id"]!.GetValue<string>();
        var open = s[1].Value!.AsArray().ShouldHaveSingleItem()!;
        open["id"]!.GetValue<string>().ShouldBe(id);
        // ccxt 4.5.84 leaves an open Futures order's price undefined on purpose ("limitPrice is returning inaccurate
        // values", ccxt#27996): the amount and id are what it reads.
        open["price"].ShouldBeNull();
        open["amount"]!.GetValue<double>().ShouldBe(0.01);
        var edited = s[3].Value!.AsArray().ShouldHaveSingleItem()!;
        edited["id"]!.GetValue<string>().ShouldBe(id, "Futures editorder keeps the order id");
        edited["amount"]!.GetValue<double>().ShouldBe(0.02);
        s[8].Value!.AsArray().ShouldBeEmpty("cancelAllOrders cancelled both: " + s[8]);
        var position = s[10].Value!.AsArray().ShouldHaveSingleItem()!;
        position["symbol"]!.GetValue<string>().ShouldBe(Perp);
        position["side"]!.GetValue<string>().ShouldBe("long");
        position["contracts"]!.GetValue<double>().ShouldBe(0.01);
        var entry = position["entryPrice"]!.GetValue<double>();
        entry.ShouldBeGreaterThan(0);
        var fill = s[11].Value!.AsArray().ShouldHaveSingleItem()!;
        fill["side"]!.GetValue<string>().ShouldBe("buy");
        fill["amount"]!.GetValue<double>().ShouldBe(0.01);
        fill["price"]!.GetValue<double>().ShouldBe(entry);
        s[12].Value!["USD"]!["total"]!.GetValue<double>().ShouldBeLessThan(100000d, "the taker fee was paid");
        s[12].Value!["USD"]!["total"]!.GetValue<double>().ShouldBeGreaterThan(99990d);

        // The mark moves every market step (1 s): the position's unrealised P&L follows it.
        var first = position["unrealizedPnl"]!.GetValue<double>();
        var moved = first;
        var start = TimeProvider.System.GetTimestamp();
        while (moved == first && TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            var again = await sandbox.RunAsync(CcxtFutures, key, ClientStep.Call("fetchPositions"));
            again[0].Ok.ShouldBeTrue(again[0].ToString());
            moved = again[0].Value!.AsArray().ShouldHaveSingleItem()!["unrealizedPnl"]!.GetValue<double>();
        }

        moved.ShouldNotBe(first, "the unrealised P&L did not move with the market within 30 s");

        var close = await sandbox.RunAsync(
            CcxtFutures,
            key,
            ClientStep.Call("createOrder", Perp, "market", "sell", 0.02, null, new Dictionary<string, object> { ["reduceOnly"] = true }),
            ClientStep.Call("fetchPositions"),
            ClientStep.Call("fetchMyTrades", Perp),
            ClientStep.Call("fetchBalance"));

        for (var i = 0; i < close.Count; i++)
        {
            close[i].Ok.ShouldBeTrue($"close step {i}: {close[i]}");
        }

        close[1].Value!.AsArray().ShouldBeEmpty("a reduce-only sell of 0.02 closes the 0.01 long and opens nothing: " + close[1]);
        var fills = close[2].Value!.AsArray();
        fills.Count.ShouldBe(2);
        fills.Sum(f => f!["side"]!.GetValue<string>() == "sell" ? f["amount"]!.GetValue<double>() : 0).ShouldBe(0.01, 1e-9);
        await sandbox.ShouldConserveAsync();
    }
}
