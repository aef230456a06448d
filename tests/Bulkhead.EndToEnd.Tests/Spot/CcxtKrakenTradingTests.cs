using System.Globalization;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>
/// ccxt <c>kraken</c> 4.5.84, unmodified, trading on the real <c>bulkhead sandbox serve</c> process over HTTP: market
/// data with the simulated market on, an order's life (place, list, amend, cancel), a fill with its trade, ledger and
/// fee, holds in the balance, and conservation of every asset afterwards.
/// </summary>
public sealed class CcxtKrakenTradingTests
{
    private const string Pair = "BTC/USD";

    [Fact]
    public async Task MarketData_WithTheMarketOn_TickerBookTradesAndCandles()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: true);

        // The noise takers print trades from the first market steps (1 s each): poll fetchTrades until one shows, before
        // reading candles (the current candle exists only once a trade has).
        var trades = await sandbox.PollAsync(Ccxt, null, ClientStep.Call("fetchTrades", Pair), v => v.AsArray().Count > 0);
        var steps = await sandbox.RunAsync(
            Ccxt,
            null,
            ClientStep.Call("loadMarkets"),
            ClientStep.Call("fetchTicker", Pair),
            ClientStep.Call("fetchOrderBook", Pair),
            ClientStep.Call("fetchOHLCV", Pair, "1m"),
            ClientStep.Call("fetchTickers", (object)new[] { Pair, "ETH/USD" }));

        steps.ShouldAllBe(s => s.Ok, string.Join("\n", steps));
        var ticker = steps[1].Value!;
        var bid = ticker["bid"]!.GetValue<double>();
        var ask = ticker["ask"]!.GetValue<double>();
        bid.ShouldBeGreaterThan(0);
        ask.ShouldBeGreaterThan(bid, "the liquidity provider quotes a spread");
        var book = steps[2].Value!;
        book["bids"]!.AsArray().Count.ShouldBeGreaterThan(0);
        book["asks"]!.AsArray().Count.ShouldBeGreaterThan(0);
        // The market steps once a second, so the book (a later call) may have moved a tick or two from the ticker.
        book["bids"]![0]![0]!.GetValue<double>().ShouldBeLessThan(book["asks"]![0]![0]!.GetValue<double>());
        book["bids"]![0]![0]!.GetValue<double>().ShouldBe(bid, tolerance: bid * 0.01);
        book["asks"]![0]![0]!.GetValue<double>().ShouldBe(ask, tolerance: ask * 0.01);
        steps[3].Value!.AsArray().Count.ShouldBeGreaterThan(0, "at least the current candle");
        steps[4].Value!.AsObject().Count.ShouldBe(2);
        var trade = trades.AsArray()[0]!;
        trade["price"]!.GetValue<double>().ShouldBeGreaterThan(0);
        trade["amount"]!.GetValue<double>().ShouldBeGreaterThan(0);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task OrderLifecycle_CreateListAmendCancelThenAFill_TradeLedgerFeeAndHolds()
    {
        await using var sandbox = await SandboxProcess.StartAsync(market: true);
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "100000");
        await sandbox.Admin.DepositAsync("desk", "XXBT", "1");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);
        var quote = await sandbox.RunAsync(Ccxt, null, ClientStep.Call("fetchTicker", Pair));
        var bid = (decimal)quote[0].Value!["bid"]!.GetValue<double>();
        var ask = (decimal)quote[0].Value!["ask"]!.GetValue<double>();
        var resting = Math.Round(bid * 0.9m, 1);
        var amended = resting - 100m;
        var crossing = Math.Round(ask * 1.02m, 1);

        var s = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, resting),
            ClientStep.Call("fetchOpenOrders", Pair),
            ClientStep.Call("editOrder", ClientStep.Ref(0, "id"), Pair, "limit", "buy", 0.02, amended),
            ClientStep.Call("fetchOpenOrders", Pair),
            ClientStep.Call("fetchBalance"),
            ClientStep.Call("cancelOrder", ClientStep.Ref(0, "id"), Pair),
            ClientStep.Call("fetchClosedOrders", Pair),
            ClientStep.Call("fetchBalance"),
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, crossing),
            ClientStep.Call("fetchOrder", ClientStep.Ref(8, "id"), Pair),
            ClientStep.Call("fetchMyTrades", Pair),
            ClientStep.Call("fetchLedger"),
            ClientStep.Call("fetchBalance"));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        var id = s[0].Value!["id"]!.GetValue<string>();
        id.ShouldMatch("^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$");
        var open = s[1].Value!.AsArray().ShouldHaveSingleItem()!;
        open["id"]!.GetValue<string>().ShouldBe(id);
        open["price"]!.GetValue<double>().ShouldBe((double)resting);
        open["amount"]!.GetValue<double>().ShouldBe(0.01);
        var afterAmend = s[3].Value!.AsArray().ShouldHaveSingleItem()!;
        afterAmend["id"]!.GetValue<string>().ShouldBe(id, "ccxt's editOrder is AmendOrder: the txid stays");
        afterAmend["price"]!.GetValue<double>().ShouldBe((double)amended);
        afterAmend["amount"]!.GetValue<double>().ShouldBe(0.02);
        var usd = s[4].Value!["USD"]!;
        usd["used"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo((double)(0.02m * amended), "the open buy holds its cost");
        usd["free"]!.GetValue<double>().ShouldBe(usd["total"]!.GetValue<double>() - usd["used"]!.GetValue<double>(), 1e-6);
        usd["total"]!.GetValue<double>().ShouldBe(100000d);
        var closed = s[6].Value!.AsArray().Single(o => o!["id"]!.GetValue<string>() == id)!;
        closed["status"]!.GetValue<string>().ShouldBe("canceled");
        s[7].Value!["USD"]!["used"]!.GetValue<double>().ShouldBe(0d, "the cancel released the hold");

        var fillId = s[8].Value!["id"]!.GetValue<string>();
        var filled = s[9].Value!;
        filled["status"]!.GetValue<string>().ShouldBe("closed");
        filled["filled"]!.GetValue<double>().ShouldBe(0.01);
        var trade = s[10].Value!.AsArray().ShouldHaveSingleItem()!;
        trade["order"]!.GetValue<string>().ShouldBe(fillId);
        trade["side"]!.GetValue<string>().ShouldBe("buy");
        trade["amount"]!.GetValue<double>().ShouldBe(0.01);
        trade["price"]!.GetValue<double>().ShouldBeLessThanOrEqualTo((double)crossing, "a taker fills at the maker's price");
        var fee = trade["fee"]!["cost"]!.GetValue<double>();
        fee.ShouldBeGreaterThan(0);
        var cost = trade["cost"]!.GetValue<double>();
        fee.ShouldBe(cost * 0.004, 0.01, "base tier taker fee 0.40 %");
        var tradeId = trade["id"]!.GetValue<string>();
        var ledger = s[11].Value!.AsArray().Where(e => e!["referenceId"]!.GetValue<string>() == tradeId).ToList();
        ledger.Count.ShouldBe(2, "a trade books base and quote: " + s[11]);
        var usdEntry = ledger.Single(e => e!["currency"]!.GetValue<string>() == "USD")!;
        usdEntry["type"]!.GetValue<string>().ShouldBe("trade");
        usdEntry["direction"]!.GetValue<string>().ShouldBe("out");
        usdEntry["fee"]!["cost"]!.GetValue<double>().ShouldBe(fee, 1e-6);
        ledger.Single(e => e!["currency"]!.GetValue<string>() == "BTC")!["amount"]!.GetValue<double>().ShouldBe(0.01);
        var balance = s[12].Value!;
        balance["BTC"]!["total"]!.GetValue<double>().ShouldBe(1.01, 1e-9);
        balance["USD"]!["total"]!.GetValue<double>().ShouldBe(100000d - cost - fee, 0.01);
        balance["USD"]!["used"]!.GetValue<double>().ShouldBe(0d);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task Errors_InsufficientFundsUnknownOrderAndMinimum_MapToCcxtClasses()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "1000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);

        var s = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("createOrder", Pair, "limit", "buy", 1, 50000),
            ClientStep.Call("cancelOrder", "OAAAAA-BBBBB-CCCCCC", Pair),
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.00001, 50000),
            ClientStep.Call("fetchOrder", "OAAAAA-BBBBB-CCCCCC", Pair),
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, 50000),
            ClientStep.Call("createOrder", Pair, "limit", "sell", 0.01, 60000));

        s[0].Error.ShouldBe("InsufficientFunds", s[0].ToString());
        s[0].Message.ShouldNotBeNull().ShouldContain("EOrder:Insufficient funds");
        s[1].Error.ShouldBe("OrderNotFound", s[1].ToString());
        s[2].Error.ShouldBe("InvalidOrder", s[2].ToString());
        s[2].Message.ShouldNotBeNull().ShouldContain("EOrder:Order minimum not met");
        s[3].Ok.ShouldBeFalse("an unknown txid is not an order: " + s[3]);
        s[4].Ok.ShouldBeTrue("$500 of $1000 is enough: " + s[4]);
        s[5].Error.ShouldBe("InsufficientFunds", "no BTC to sell: " + s[5]);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task FetchTradingFee_ConsolidatedVolumeOfTwoSubaccounts_CrossesATier()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("alpha", master: "desk");
        await sandbox.Admin.CreateAccountAsync("beta", master: "desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("alpha", Trader);
        await sandbox.Admin.SetVolumeAsync("alpha", "6000");

        var before = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchTradingFee", Pair));
        await sandbox.Admin.SetVolumeAsync("beta", "6000");
        var after = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchTradingFee", Pair));

        // Spot tiers: below $10k 0.25 % / 0.40 %; from $10k 0.20 % / 0.35 %. $6k each, $12k together.
        before[0].Ok.ShouldBeTrue(before[0].ToString());
        before[0].Value!["maker"]!.GetValue<double>().ShouldBe(0.0025, 1e-9);
        before[0].Value!["taker"]!.GetValue<double>().ShouldBe(0.004, 1e-9);
        after[0].Ok.ShouldBeTrue(after[0].ToString());
        after[0].Value!["maker"]!.GetValue<double>().ShouldBe(0.002, 1e-9, "the master's and all subaccounts' volume counts");
        after[0].Value!["taker"]!.GetValue<double>().ShouldBe(0.0035, 1e-9);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task DeadMansSwitch_CancelAllOrdersAfter_CancelsTheOrdersWhenItRunsOut()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);

        var s = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, 40000),
            ClientStep.Call("createOrder", Pair, "limit", "buy", 0.01, 39000),
            ClientStep.Call("privatePostCancelAllOrdersAfter", new Dictionary<string, object> { ["timeout"] = 1 }),
            ClientStep.Call("fetchOpenOrders", Pair),
            new ClientStep("fetchOpenOrders", [Pair], UntilEmptyMs: 15_000),
            ClientStep.Call("fetchClosedOrders", Pair),
            ClientStep.Call("fetchBalance"));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        var armed = s[2].Value!["result"]!;
        DateTimeOffset.Parse(armed["triggerTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.Parse(armed["currentTime"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        s[3].Value!.AsArray().Count.ShouldBe(2, "armed, not yet run out");
        s[4].Value!.AsArray().ShouldBeEmpty("the switch cancelled every order after ~1 s");
        var cancelled = s[5].Value!.AsArray();
        cancelled.Count.ShouldBe(2);
        cancelled.ShouldAllBe(o => o!["status"]!.GetValue<string>() == "canceled");
        s[6].Value!["USD"]!["used"]!.GetValue<double>().ShouldBe(0d);
        await sandbox.ShouldConserveAsync();
    }

    // Regression: ccxt's cancelOrders sends CancelOrderBatch (JSON body, "orders" array), which answered
    // EGeneral:Unknown method.
    [Fact]
    public async Task CreateOrdersThenCancelOrders_AddOrderBatchAndCancelOrderBatch()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);
        var orders = new[] { 48000, 47000, 46000 }
            .Select(p => new Dictionary<string, object> { ["symbol"] = Pair, ["type"] = "limit", ["side"] = "buy", ["amount"] = 0.01, ["price"] = p })
            .ToArray();

        var s = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("createOrders", (object)orders),
            ClientStep.Call("cancelOrders", new[] { ClientStep.Ref(0, "0.id"), ClientStep.Ref(0, "1.id") }, Pair),
            ClientStep.Call("fetchOpenOrders", Pair),
            ClientStep.Call("cancelOrders", new[] { "OAAAAA-BBBBB-CCCCCC" }, Pair));

        s[0].Ok.ShouldBeTrue(s[0].ToString());
        s[0].Value!.AsArray().Count.ShouldBe(3);
        s[1].Ok.ShouldBeTrue(s[1].ToString());
        var left = s[2].Value!.AsArray().ShouldHaveSingleItem()!;
        left["id"]!.GetValue<string>().ShouldBe(s[0].Value![2]!["id"]!.GetValue<string>());
        s[3].Ok.ShouldBeFalse("nothing to cancel: " + s[3]);
        await sandbox.ShouldConserveAsync();
    }
}
