using System.Text.Json;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>Futures trading over HTTP: Bulkhead's <see cref="FuturesRestClient"/> and raw ccxt-style requests against a real sandbox.</summary>
public sealed class FuturesTradingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(FuturesSandbox Sandbox, FuturesRestClient Lp, FuturesRestClient Trader, CreatedKey TraderKey)> StartAsync()
    {
        var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 100_000m);
        sandbox.Account("lp");
        sandbox.Account("desk");
        sandbox.Account("trader", "desk");
        sandbox.Deposit("lp", Wallet.FuturesFlex, "ZUSD", 1_000_000m);
        sandbox.Deposit("trader", Wallet.FuturesFlex, "ZUSD", 10_000m);
        var traderKey = sandbox.Key("trader");
        return (sandbox, sandbox.Client(sandbox.Key("lp")), sandbox.Client(traderKey, sendNonce: false), traderKey);
    }

    private static FuturesOrderRequest Order(OrderSide side, FuturesOrderType type, decimal size, decimal? price = null, string? clientId = null, bool reduceOnly = false) =>
        new() { Symbol = "PF_XBTUSD", Side = side, OrderType = type, Size = size, LimitPrice = price, ClientOrderId = clientId, ReduceOnly = reduceOnly };

    [Fact]
    public async Task SendListCancelFillPositionsAccounts_WithFuturesRestClient()
    {
        var (sandbox, lp, trader, _) = await StartAsync();
        await using var _ = sandbox;

        (await lp.SendOrderAsync(Order(OrderSide.Sell, FuturesOrderType.Limit, 1m, 100_000m), Ct)).GetValueOrThrow().Status.ShouldBe(VenueOrderStatus.Placed);

        var resting = (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.1m, 99_000m, "bid-1"), Ct)).GetValueOrThrow();
        resting.Status.ShouldBe(VenueOrderStatus.Placed);
        var open = (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow();
        open.Count.ShouldBe(1);
        open[0].OrderId.ShouldBe(resting.OrderId);
        open[0].ClientOrderId.ShouldBe("bid-1");
        open[0].Status.ShouldBe("untouched");
        open[0].UnfilledSize.ShouldBe(0.1m);
        open[0].LimitPrice.ShouldBe(99_000m);

        var edited = (await trader.EditOrderAsync(new FuturesEditRequest { OrderId = resting.OrderId, Size = 0.2m, LimitPrice = 98_000m }, Ct)).GetValueOrThrow();
        edited.Status.ShouldBe("edited");
        (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow()[0].UnfilledSize.ShouldBe(0.2m);
        var status = (await trader.GetOrderStatusAsync(null, ["bid-1"], Ct)).GetValueOrThrow();
        status.Single().Status.ShouldBe("ENTERED_BOOK");

        (await trader.CancelOrderAsync(resting.OrderId, cancellationToken: Ct)).GetValueOrThrow().Status.ShouldBe("cancelled");
        (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();
        (await trader.CancelOrderAsync(resting.OrderId, cancellationToken: Ct)).Success.ShouldBeFalse();

        var market = (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Market, 0.2m), Ct)).GetValueOrThrow();
        market.Status.ShouldBe(VenueOrderStatus.Filled);
        market.Fills.Single().Price.ShouldBe(100_000m);

        var fill = (await trader.GetFillsAsync(cancellationToken: Ct)).GetValueOrThrow().Single();
        (fill.OrderId, fill.Size, fill.Price, fill.FillType, fill.Side).ShouldBe((market.OrderId, 0.2m, 100_000m, "taker", "buy"));

        var position = (await trader.GetOpenPositionsAsync(Ct)).GetValueOrThrow().Single();
        (position.Symbol, position.Side, position.Size, position.Price).ShouldBe(("PF_XBTUSD", "long", 0.2m, 100_000m));

        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 101_000m);
        var flex = (await trader.GetAccountsAsync(Ct)).GetValueOrThrow().Flex;
        flex.ProfitAndLoss.ShouldBe(200m);
        flex.InitialMargin.ShouldBe(404m);                       // 20,200 × 2 %
        flex.MaintenanceMargin.ShouldBe(202m);
        flex.BalanceValue.ShouldBe(10_000m - 10m);               // taker fee 0.05 % of 20,000
        flex.PortfolioValue.ShouldBe(10_190m);
        flex.AvailableMargin.ShouldBe(10_190m - 404m);

        // reduce-only closes, and not more
        var close = (await trader.SendOrderAsync(Order(OrderSide.Sell, FuturesOrderType.ImmediateOrCancel, 1m, 90_000m, reduceOnly: true), Ct));
        close.Success.ShouldBeFalse();                            // nobody bids: iocWouldNotExecute
        close.Error.Code.ShouldBe("iocWouldNotExecute");
        ExchangeConserved(sandbox);
    }

    [Fact]
    public async Task CcxtStyle_RefusalsAsOrderStatuses()
    {
        var (sandbox, lp, _, key) = await StartAsync();
        await using var _ = sandbox;
        (await lp.SendOrderAsync(Order(OrderSide.Sell, FuturesOrderType.Limit, 1m, 100_000m), Ct)).GetValueOrThrow();

        async Task<JsonElement> SendAsync(string query)
        {
            var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", query, key);
            answer.Result.ShouldBe("success", answer.Body);
            return answer.Json.GetProperty("sendStatus");
        }

        (await SendAsync("symbol=PF_XBTUSD&side=buy&size=10&orderType=lmt&limitPrice=90000")).GetProperty("status").GetString().ShouldBe("insufficientAvailableFunds");
        var post = await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.01&orderType=post&limitPrice=100000");
        post.GetProperty("status").GetString().ShouldBe("postWouldExecute");
        post.GetProperty("orderEvents")[0].GetProperty("type").GetString().ShouldBe("REJECT");
        (await SendAsync("symbol=PF_XBTUSD&side=sell&size=0.01&orderType=lmt&limitPrice=90000&reduceOnly=true")).GetProperty("status").GetString().ShouldBe("wouldNotReducePosition");
        (await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.00001&orderType=lmt&limitPrice=90000")).GetProperty("status").GetString().ShouldBe("invalidSize");
        (await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.01&orderType=lmt&limitPrice=90000.5")).GetProperty("status").GetString().ShouldBe("invalidPrice");
        (await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.01&orderType=stp&limitPrice=90000")).GetProperty("status").GetString().ShouldBe("invalidOrderType");
        var filled = await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.01&orderType=mkt&cliOrdId=m1");
        filled.GetProperty("status").GetString().ShouldBe("filled");
        filled.GetProperty("cliOrdId").GetString().ShouldBe("m1");
        filled.GetProperty("orderEvents")[0].GetProperty("type").GetString().ShouldBe("EXECUTION");
        (await SendAsync("symbol=PF_XBTUSD&side=buy&size=0.01&orderType=lmt&limitPrice=90000&cliOrdId=m1")).GetProperty("status").GetString().ShouldBe("clientOrderIdAlreadyExist");

        var missing = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", "symbol=PF_XBTUSD&side=buy", key);
        missing.Error.ShouldBe("requiredArgumentMissing");
        var unknown = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", "symbol=PF_DOGEUSD&side=buy&size=1&orderType=lmt&limitPrice=1", key);
        unknown.Error.ShouldBe("invalidArgument: symbol");
        ExchangeConserved(sandbox);
    }

    [Fact]
    public async Task BatchOrder_CcxtRawJson_SendsAndCancels()
    {
        var (sandbox, _, _, key) = await StartAsync();
        await using var _ = sandbox;
        var json = """{"batchOrder":[{"order":"send","order_tag":"1","orderType":"lmt","symbol":"PF_XBTUSD","side":"buy","size":0.01,"limitPrice":95000,"cliOrdId":"b1"},{"order":"send","order_tag":"2","orderType":"lmt","symbol":"PF_XBTUSD","side":"buy","size":0.02,"limitPrice":94000}]}""";
        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/batchorder", key: key, body: "json=" + json);
        answer.Result.ShouldBe("success", answer.Body);
        var statuses = answer.Json.GetProperty("batchStatus");
        statuses.GetArrayLength().ShouldBe(2);
        statuses[0].GetProperty("status").GetString().ShouldBe("placed");
        statuses[0].GetProperty("order_tag").GetString().ShouldBe("1");
        var second = statuses[1].GetProperty("order_id").GetString();

        var cancel = $$"""{"batchOrder":[{"order":"cancel","order_id":"{{second}}"},{"order":"cancel","cliOrdId":"b1"},{"order":"cancel","cliOrdId":"nope"}]}""";
        var cancelled = (await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/batchorder", key: key, body: "json=" + cancel)).Json.GetProperty("batchStatus");
        cancelled.EnumerateArray().Select(s => s.GetProperty("status").GetString()).ShouldBe(["cancelled", "cancelled", "notFound"]);
        sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures).ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelAllOrdersAfter_TimeoutPasses_OrdersCancelled()
    {
        var (sandbox, _, trader, _) = await StartAsync();
        await using var _ = sandbox;
        (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.01m, 90_000m), Ct)).GetValueOrThrow();
        (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.01m, 91_000m), Ct)).GetValueOrThrow();
        var armed = (await trader.CancelAllOrdersAfterAsync(60, Ct)).GetValueOrThrow();
        armed.TriggerTime.ShouldBe(armed.CurrentTime.AddSeconds(60));

        sandbox.Time.Advance(TimeSpan.FromSeconds(59));
        (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow().Count.ShouldBe(2);
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));
        (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();

        (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.01m, 90_000m), Ct)).GetValueOrThrow();
        var all = (await trader.CancelAllOrdersAsync("PF_XBTUSD", Ct)).GetValueOrThrow();
        (all.Status, all.CancelledOrders!.Count).ShouldBe(("cancelled", 1));
        (await trader.CancelAllOrdersAsync(cancellationToken: Ct)).GetValueOrThrow().Status.ShouldBe("noOrdersToCancel");
    }

    [Fact]
    public async Task History_OrdersAndExecutions_AsElements()
    {
        var (sandbox, lp, trader, key) = await StartAsync();
        await using var _ = sandbox;
        (await lp.SendOrderAsync(Order(OrderSide.Sell, FuturesOrderType.Limit, 1m, 100_000m), Ct)).GetValueOrThrow();
        var filled = (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.1m, 100_000m, "h1"), Ct)).GetValueOrThrow();
        var cancelled = (await trader.SendOrderAsync(Order(OrderSide.Buy, FuturesOrderType.Limit, 0.1m, 90_000m), Ct)).GetValueOrThrow();
        (await trader.CancelOrderAsync(cancelled.OrderId, cancellationToken: Ct)).GetValueOrThrow();

        var orders = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v2/orders", "sort=asc", key);
        orders.Status.ShouldBe(System.Net.HttpStatusCode.OK, orders.Body);
        var kinds = orders.Json.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("event").EnumerateObject().Single().Name).ToList();
        kinds.ShouldBe(["OrderPlaced", "OrderUpdated", "OrderPlaced", "OrderCancelled"]);
        var first = orders.Json.GetProperty("elements")[1].GetProperty("event").GetProperty("OrderUpdated").GetProperty("order");
        (first.GetProperty("uid").GetString(), first.GetProperty("filled").GetString(), first.GetProperty("clientId").GetString(), first.GetProperty("direction").GetString())
            .ShouldBe((filled.OrderId, "0.1", "h1", "Buy"));

        var executions = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/executions", "tradeable=PF_XBTUSD", key);
        var execution = executions.Json.GetProperty("elements").EnumerateArray().Single().GetProperty("event").GetProperty("Execution").GetProperty("execution");
        (execution.GetProperty("price").GetString(), execution.GetProperty("quantity").GetString()).ShouldBe(("100000", "0.1"));
        execution.GetProperty("takerOrder").GetProperty("uid").GetString().ShouldBe(filled.OrderId);
        var triggers = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v2/triggers", key: key);
        triggers.Json.GetProperty("elements").GetArrayLength().ShouldBe(0);
    }

    private static void ExchangeConserved(FuturesSandbox sandbox)
    {
        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
        foreach (var asset in sandbox.Exchange.AllEntries().GroupBy(e => e.Asset))
        {
            asset.Sum(e => e.Amount - e.Fee).ShouldBe(0m);
        }
    }
}
