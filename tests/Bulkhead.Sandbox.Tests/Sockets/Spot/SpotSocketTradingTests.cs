using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Spot;

/// <summary>The Spot v2 trading methods on <c>/auth/v2</c>, over real sockets, against the same exchange as REST.</summary>
public sealed class SpotSocketTradingTests
{
    private const string Bid = """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"cl_ord_id":"c-1","order_userref":7}""";

    [Fact]
    public async Task AddOrder_Limit_RestsAndStreamsPendingNewThenNew()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"executions"}""");

        var result = await session.OkAsync("add_order", Bid);

        var orderId = result.GetProperty("order_id").GetString()!;
        orderId.ShouldMatch("^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$");
        result.GetProperty("cl_ord_id").GetString().ShouldBe("c-1");
        result.GetProperty("order_userref").GetInt64().ShouldBe(7);
        var open = sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem();
        (open.Id, open.Volume, open.Price, open.ClientOrderId, open.UserRef).ShouldBe((orderId, 0.1m, 50000m, "c-1", 7L));
        (await sandbox.PrivateAsync(key, "OpenOrders")).ShouldSucceed().GetProperty("open").TryGetProperty(orderId, out _).ShouldBeTrue();
        await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "new");
        session.ExecTypes(orderId).ShouldBe(["pending_new", "new"]);
        var pending = session.Items("executions")[0];
        SpotPrivateSession.Raw(pending, "order_qty").ShouldBe("0.10000000");
        SpotPrivateSession.Raw(pending, "limit_price").ShouldBe("50000.0");
        pending.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        pending.GetProperty("order_type").GetString().ShouldBe("limit");
        pending.GetProperty("time_in_force").GetString().ShouldBe("GTC");
        pending.GetProperty("order_status").GetString().ShouldBe("pending_new");
    }

    [Fact]
    public async Task AddOrder_Validate_PlacesNothingAndAnswersWithoutOrderId()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        var result = await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"validate":true}""");

        result.TryGetProperty("order_id", out _).ShouldBeFalse();
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"order_type":"stop-loss","side":"buy","order_qty":0.1,"symbol":"BTC/USD"}""", "EGeneral:Invalid arguments:order_type")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"leverage":2}""", "Unsupported field: 'leverage'")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":"abc","symbol":"BTC/USD","limit_price":50000}""", "EGeneral:Invalid arguments:order_qty")]
    [InlineData("""{"order_type":"limit","side":"hold","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000}""", "EGeneral:Invalid arguments:side")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/XYZ","limit_price":50000}""", "Currency pair not supported BTC/XYZ")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000.25}""", "EOrder:Invalid price:XBTUSD price can only be specified up to 1 decimals.")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":10,"symbol":"BTC/USD","limit_price":50000}""", "EOrder:Insufficient funds")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"time_in_force":"gtd"}""", "EGeneral:Invalid arguments:expire_time")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"post_only":"yes"}""", "EGeneral:Invalid arguments:post_only")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"stp_type":"cancel_everything"}""", "EGeneral:Invalid arguments:stp_type")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"deadline":"2026-01-05T11:59:00Z"}""", "EService:Deadline elapsed")]
    [InlineData("""{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"margin":true}""", "EOrder:Cannot open position")]
    public async Task AddOrder_BadParams_AnswersErrorAndChangesNothing(string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 1_000m)));
        var before = sandbox.Exchange.Balances("desk", Wallet.Spot);

        (await session.ErrorAsync("add_order", parameters)).ShouldBe(error);

        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        sandbox.Exchange.ClosedOrders("desk").ShouldBeEmpty();
        sandbox.Exchange.Balances("desk", Wallet.Spot).ShouldBe(before);
        sandbox.Exchange.Holds("desk", Wallet.Spot, "ZUSD").ShouldBe(0m);
    }

    [Fact]
    public async Task AddOrder_WithoutToken_IsInvalidToken()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        (await session.ErrorAsync("add_order", Bid, withToken: false)).ShouldBe(KrakenErrors.InvalidToken);

        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddOrder_StpTypeWithUnderscore_IsAccepted()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":50000,"stp_type":"cancel_both"}""");
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":50000,"stp_type":"cancel-oldest"}""");

        sandbox.Exchange.OpenOrders("desk").Select(o => o.SelfTrade).ShouldBe([Bulkhead.Sandbox.Matching.SelfTradePrevention.CancelBoth, Bulkhead.Sandbox.Matching.SelfTradePrevention.CancelOldest]);
    }

    [Fact]
    public async Task TradingCounter_ExhaustedOverRest_RefusesWebSocketAddOrder()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100_000m));
        sandbox.Exchange.TradingLimits = new SpotTradingLimits(3m, 0.01m, 100);
        for (var i = 0; i < 3; i++)
        {
            (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldSucceed();
        }

        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldFailWith(KrakenErrors.OrderRateLimitExceeded);
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);

        (await session.ErrorAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":10000}""")).ShouldBe(KrakenErrors.OrderRateLimitExceeded);
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"ETH/USD","limit_price":1000}""");
        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(4);
    }

    [Fact]
    public async Task TradingCounter_ChargedOverWebSocket_RefusesRestAddOrder()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100_000m));
        sandbox.Exchange.TradingLimits = new SpotTradingLimits(2m, 0.01m, 100);
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"executions","ratecounter":true,"snap_orders":false}""");

        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":10000}""");
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":10000}""");

        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldFailWith(KrakenErrors.OrderRateLimitExceeded);
        sandbox.Exchange.TradingCounter("desk", "XXBTZUSD").ShouldBe(2m);
        session.Items("executions").Where(HasRateCount).Select(i => i.GetProperty("ratecount").GetDecimal()).ShouldContain(1m);
    }

    [Fact]
    public async Task AmendOrder_ByClientId_KeepsIdAndStreamsAmended()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        var orderId = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;

        var result = await session.OkAsync("amend_order", """{"cl_ord_id":"c-1","order_qty":0.15,"limit_price":49000.5}""");

        result.GetProperty("amend_id").GetString().ShouldStartWith("T");
        result.GetProperty("cl_ord_id").GetString().ShouldBe("c-1");
        var order = sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem();
        (order.Id, order.Volume, order.Price).ShouldBe((orderId, 0.15m, 49000.5m));
        var amended = await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "amended");
        SpotPrivateSession.Raw(amended, "order_qty").ShouldBe("0.15000000");
        SpotPrivateSession.Raw(amended, "limit_price").ShouldBe("49000.5");
        amended.GetProperty("order_id").GetString().ShouldBe(orderId);
    }

    [Fact]
    public async Task AmendOrder_UnknownOrder_IsUnknownOrder()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        (await session.ErrorAsync("amend_order", """{"order_id":"OAAAAA-BBBBB-CCCCCC","order_qty":0.2}""")).ShouldBe(KrakenErrors.UnknownOrder);
    }

    [Fact]
    public async Task EditOrder_ReplacesWithNewId()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        var original = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;

        var result = await session.OkAsync("edit_order", $$"""{"order_id":"{{original}}","symbol":"BTC/USD","order_qty":0.05,"limit_price":48000,"order_userref":9}""");

        var replacement = result.GetProperty("order_id").GetString()!;
        result.GetProperty("original_order_id").GetString().ShouldBe(original);
        replacement.ShouldNotBe(original);
        var open = sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem();
        (open.Id, open.Volume, open.Price, open.UserRef).ShouldBe((replacement, 0.05m, 48000m, 9L));
        var cancelled = await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "canceled");
        cancelled.GetProperty("order_id").GetString().ShouldBe(original);
        cancelled.GetProperty("reason").GetString().ShouldBe(CancelReasons.Replaced);
        await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "new" && i.GetProperty("order_id").GetString() == replacement);
    }

    [Fact]
    public async Task EditOrder_WrongSymbol_IsUnknownOrderAndKeepsOriginal()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        var original = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;

        (await session.ErrorAsync("edit_order", $$"""{"order_id":"{{original}}","symbol":"ETH/USD","order_qty":0.05}""")).ShouldBe(KrakenErrors.UnknownOrder);

        sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem().Id.ShouldBe(original);
    }

    [Fact]
    public async Task CancelOrder_ById_AnswersOneFramePerOrderAndUnknownForTheRest()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        var first = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;
        var second = (await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":40000}""")).GetProperty("order_id").GetString()!;
        var reqId = session.NextReqId();

        await session.SendAsync("cancel_order", $$"""{"order_id":["{{first}}","{{second}}","OAAAAA-BBBBB-CCCCCC"]}""", reqId);

        var answers = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await session.Client.WaitForAsync(e => e.TryGetProperty("req_id", out var r) && r.GetInt64() == reqId && !answers.Any(a => a.GetRawText() == e.GetRawText())));
        }

        answers.Take(2).Select(a => a.GetProperty("result").GetProperty("order_id").GetString()).ShouldBe([first, second], ignoreOrder: true);
        answers[2].GetProperty("error").GetString().ShouldBe(KrakenErrors.UnknownOrder);
        answers[2].GetProperty("result").GetProperty("order_id").GetString().ShouldBe("OAAAAA-BBBBB-CCCCCC");
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        var cancel = await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "canceled" && i.GetProperty("order_id").GetString() == first);
        cancel.GetProperty("reason").GetString().ShouldBe(CancelReasons.User);
        cancel.GetProperty("order_status").GetString().ShouldBe("canceled");
    }

    [Fact]
    public async Task CancelOrder_UnknownId_IsUnknownOrder()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        (await session.ErrorAsync("cancel_order", """{"order_id":["OAAAAA-BBBBB-CCCCCC"]}""")).ShouldBe(KrakenErrors.UnknownOrder);
        (await session.ErrorAsync("cancel_order", """{"order_id":["OAAAAA-BBBBB-CCCCCC"],"cl_ord_id":["x"]}""")).ShouldBe("EGeneral:Invalid arguments:cl_ord_id");
    }

    [Fact]
    public async Task CancelOrder_ByUserref_CancelsEveryMatch()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":40000,"order_userref":5}""");
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":41000,"order_userref":5}""");
        await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":42000,"order_userref":6}""");

        (await session.OkAsync("cancel_order", """{"order_userref":[5]}""")).GetProperty("order_id").GetString().ShouldNotBeNull();

        await Eventually.TrueAsync(() => sandbox.Exchange.OpenOrders("desk").Count == 1);
        sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem().UserRef.ShouldBe(6L);
    }

    [Fact]
    public async Task CancelAll_CancelsSpotOrdersAndCounts()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=40000")).ShouldSucceed();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("add_order", Bid);

        (await session.OkAsync("cancel_all")).GetProperty("count").GetInt32().ShouldBe(2);

        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        (await session.OkAsync("cancel_all")).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task BatchAdd_PlacesEveryOrder_AndBatchCancelCancelsThem()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        var placed = await session.OkAsync("batch_add", """
            {"symbol":"BTC/USD","orders":[
              {"order_type":"limit","side":"buy","order_qty":0.01,"limit_price":40000,"order_userref":1},
              {"order_type":"limit","side":"buy","order_qty":0.02,"limit_price":41000,"cl_ord_id":"b-2"},
              {"order_type":"limit","side":"buy","order_qty":0.03,"limit_price":42000,"order_userref":3}]}
            """);

        placed.GetArrayLength().ShouldBe(3);
        placed[0].GetProperty("order_userref").GetInt64().ShouldBe(1);
        placed[1].GetProperty("cl_ord_id").GetString().ShouldBe("b-2");
        var ids = placed.EnumerateArray().Select(p => p.GetProperty("order_id").GetString()!).ToList();
        sandbox.Exchange.OpenOrders("desk").Select(o => o.Id).ShouldBe(ids);

        var cancelled = await session.OkAsync("batch_cancel", $$"""{"orders":["{{ids[0]}}","3"],"cl_ord_id":["b-2"]}""");

        cancelled.GetProperty("count").GetInt32().ShouldBe(3);
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"symbol":"BTC/USD","orders":[{"order_type":"limit","side":"buy","order_qty":0.01,"limit_price":40000}]}""", "EGeneral:Invalid arguments:orders")]
    [InlineData("""{"symbol":"BTC/USD","orders":[{"order_type":"limit","side":"buy","order_qty":0.01,"limit_price":40000},{"order_type":"limit","side":"buy","order_qty":0.01,"limit_price":40000,"symbol":"BTC/USD"}]}""", "Unsupported field: 'symbol'")]
    [InlineData("""{"symbol":"BTC/USD","orders":[{"order_type":"limit","side":"buy","order_qty":0.01,"limit_price":40000},{"order_type":"limit","side":"buy","order_qty":"x","limit_price":40000}]}""", "EGeneral:Invalid arguments:order_qty")]
    public async Task BatchAdd_BadOrder_RefusesTheWholeBatch(string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));

        (await session.ErrorAsync("batch_add", parameters)).ShouldBe(error);

        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Fact]
    public async Task BatchCancel_TooFewOrNothingMatched_Refused()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("add_order", Bid);

        (await session.ErrorAsync("batch_cancel", """{"orders":["OAAAAA-BBBBB-CCCCCC"]}""")).ShouldBe("EGeneral:Invalid arguments:orders");
        (await session.ErrorAsync("batch_cancel", """{"orders":["OAAAAA-BBBBB-CCCCCC","99"]}""")).ShouldBe(KrakenErrors.UnknownOrder);

        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(1);
    }

    [Fact]
    public async Task CancelAllOrdersAfter_Fires_CancelsAndStreamsOnExecutions()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        var orderId = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;

        var armed = await session.OkAsync("cancel_all_orders_after", """{"timeout":60}""");

        armed.GetProperty("currentTime").GetString().ShouldBe("2026-01-05T12:00:00Z");
        armed.GetProperty("triggerTime").GetString().ShouldBe("2026-01-05T12:01:00Z");
        sandbox.Exchange.DeadMansSwitch("desk", TradingVenue.Spot).ShouldBe(sandbox.Time.GetUtcNow().AddSeconds(60));
        sandbox.Time.Advance(TimeSpan.FromSeconds(61));
        sandbox.Exchange.ProcessDeadlines();

        var cancel = await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "canceled");
        cancel.GetProperty("order_id").GetString().ShouldBe(orderId);
        cancel.GetProperty("reason").GetString().ShouldBe(CancelReasons.DeadMansSwitch);
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        sandbox.Exchange.DeadMansSwitch("desk", TradingVenue.Spot).ShouldBeNull();
    }

    [Fact]
    public async Task CancelAllOrdersAfter_RestAndWebSocket_AreOneTimer()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        (await sandbox.PrivateAsync(key, "CancelAllOrdersAfter", "timeout=30")).ShouldSucceed();

        var off = await session.OkAsync("cancel_all_orders_after", """{"timeout":0}""");

        off.GetProperty("triggerTime").GetString().ShouldBe("0");
        sandbox.Exchange.DeadMansSwitch("desk", TradingVenue.Spot).ShouldBeNull();
        (await session.ErrorAsync("cancel_all_orders_after", """{"timeout":-1}""")).ShouldBe("EGeneral:Invalid arguments:timeout");
    }

    [Theory]
    [InlineData("amend_order", """{"order_id":"$id","order_qty":"x"}""", "EGeneral:Invalid arguments:order_qty")]
    [InlineData("amend_order", """{"order_id":"$id","limit_price":0}""", "EGeneral:Invalid arguments:limit_price")]
    [InlineData("amend_order", """{"order_id":"$id","cl_ord_id":"c-1","order_qty":0.2}""", "EGeneral:Invalid arguments:order_id")]
    [InlineData("amend_order", """{"order_id":"$id","post_only":true}""", "EGeneral:Invalid arguments:post_only")]
    [InlineData("amend_order", """{"order_id":"$id","order_qty":5}""", "EOrder:Insufficient funds")]
    [InlineData("amend_order", """{"order_id":"$id","display_qty":0.01}""", "Unsupported field: 'display_qty'")]
    [InlineData("edit_order", """{"order_id":"$id","symbol":"BTC/USD","limit_price":50000.25}""", "EOrder:Invalid price:XBTUSD price can only be specified up to 1 decimals.")]
    [InlineData("edit_order", """{"order_id":"$id","order_qty":0.2}""", "Invalid 'params.symbol'")]
    [InlineData("cancel_order", """{"order_id":"$id"}""", "EGeneral:Invalid arguments:order_id")]
    [InlineData("cancel_order", """{"order_userref":["7"]}""", "EGeneral:Invalid arguments:order_userref")]
    [InlineData("cancel_all_orders_after", """{"timeout":"soon"}""", "EGeneral:Invalid arguments:timeout")]
    [InlineData("batch_cancel", """{"orders":"$id"}""", "EGeneral:Invalid arguments:orders")]
    public async Task OrderMethods_BadParams_AnswerErrorAndLeaveTheOrder(string method, string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        var orderId = (await session.OkAsync("add_order", Bid)).GetProperty("order_id").GetString()!;
        var before = sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem();
        var balances = sandbox.Exchange.Balances("desk", Wallet.Spot);

        (await session.ErrorAsync(method, parameters.Replace("$id", orderId, StringComparison.Ordinal))).ShouldBe(error);

        sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem().ShouldBe(before);
        sandbox.Exchange.Balances("desk", Wallet.Spot).ShouldBe(balances);
        sandbox.Exchange.DeadMansSwitch("desk", TradingVenue.Spot).ShouldBeNull();
    }

    [Fact]
    public async Task AddOrder_GoodTillDate_ExpiresOnExecutions()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions","order_status":false}""");
        var orderId = (await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":40000,"time_in_force":"gtd","expire_time":"2026-01-05T12:00:30Z"}""")).GetProperty("order_id").GetString()!;

        sandbox.Time.Advance(TimeSpan.FromSeconds(31));
        sandbox.Exchange.ProcessDeadlines();

        var expired = await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "expired");
        expired.GetProperty("order_status").GetString().ShouldBe("expired");
        expired.GetProperty("reason").GetString().ShouldBe(CancelReasons.Expired);
        session.ExecTypes(orderId).ShouldBe(["new", "expired"]);
        session.Items("executions")[0].GetProperty("time_in_force").GetString().ShouldBe("GTD");
        session.Items("executions")[0].GetProperty("expire_time").GetString().ShouldBe("2026-01-05T12:00:30.000000Z");
    }

    private static bool HasRateCount(System.Text.Json.JsonElement item) => item.TryGetProperty("ratecount", out _);
}
