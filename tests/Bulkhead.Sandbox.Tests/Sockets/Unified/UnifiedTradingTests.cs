using System.Text.Json;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>Unified private order entry and <c>executions</c> for derivatives, over real sockets on loopback.</summary>
public sealed class UnifiedTradingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Exec(JsonElement item) => item.GetProperty("exec_type").GetString()!;

    [Fact]
    public async Task AddOrder_FilledByAnotherAccount_StreamsNewTradeFilledWithFuturesRestIds()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var ack = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","token":"{{token}}"}""");
        ack.GetProperty("success").GetBoolean().ShouldBeTrue(ack.GetRawText());
        ack.GetProperty("result").GetProperty("channel").GetString().ShouldBe("executions");
        var snapshot = await socket.ChannelAsync("executions", "snapshot");
        snapshot.GetProperty("data").GetArrayLength().ShouldBe(0);
        var firstSequence = snapshot.GetProperty("sequence").GetInt64();

        var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000,"cl_ord_id":"bid-1","token":"{{token}}"}
            """);
        placed.GetProperty("success").GetBoolean().ShouldBeTrue(placed.GetRawText());
        placed.GetProperty("method").GetString().ShouldBe("add_order");
        var orderId = placed.GetProperty("result").GetProperty("order_id").GetString()!;
        Guid.TryParseExact(orderId, "D", out _).ShouldBeTrue(orderId);
        placed.GetProperty("result").GetProperty("cl_ord_id").GetString().ShouldBe("bid-1");

        var created = await UnifiedSandbox.MessageAsync(socket, "executions", 1, "update");
        var item = created.GetProperty("data").EnumerateArray().Single();
        Exec(item).ShouldBe("new");
        item.GetProperty("order_id").GetString().ShouldBe(orderId);
        item.GetProperty("order_status").GetString().ShouldBe("new");
        item.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        item.GetProperty("side").GetString().ShouldBe("buy");
        item.GetProperty("order_type").GetString().ShouldBe("limit");
        item.GetProperty("order_qty").GetRawText().ShouldBe("0.1000");
        item.GetProperty("cum_qty").GetRawText().ShouldBe("0.0000");
        item.GetProperty("limit_price").GetRawText().ShouldBe("99000");
        item.GetProperty("reduce_only").GetBoolean().ShouldBeFalse();
        item.GetProperty("post_only").GetBoolean().ShouldBeFalse();
        created.GetProperty("sequence").GetInt64().ShouldBe(firstSequence + 1);

        var rest = sandbox.FuturesClient("trader");
        var open = (await rest.GetOpenOrdersAsync(Ct)).GetValueOrThrow();
        open.Single().OrderId.ShouldBe(orderId);

        sandbox.Place("lp", Side.Sell, 0.1m, 99_000m);
        var filled = await UnifiedSandbox.MessageAsync(socket, "executions", 2, "update");
        var events = filled.GetProperty("data").EnumerateArray().ToList();
        events.Select(Exec).ShouldBe(["trade", "filled"]);
        var trade = events[0];
        trade.GetProperty("order_id").GetString().ShouldBe(orderId);
        trade.GetProperty("last_qty").GetRawText().ShouldBe("0.1000");
        trade.GetProperty("last_price").GetRawText().ShouldBe("99000");
        trade.GetProperty("liquidity_ind").GetString().ShouldBe("m");
        trade.GetProperty("cum_qty").GetRawText().ShouldBe("0.1000");
        trade.GetProperty("fees")[0].GetProperty("asset").GetString().ShouldBe("USD");
        trade.GetProperty("fees")[0].GetProperty("qty").GetDecimal().ShouldBe(1.98m);    // maker 0.02 % of 9,900
        events[1].GetProperty("order_status").GetString().ShouldBe("filled");
        filled.GetProperty("sequence").GetInt64().ShouldBe(firstSequence + 2);

        var fill = (await rest.GetFillsAsync(cancellationToken: Ct)).GetValueOrThrow().Single();
        trade.GetProperty("exec_id").GetString().ShouldBe(fill.FillId);
        fill.OrderId.ShouldBe(orderId);
    }

    [Fact]
    public async Task CancelOrder_ByUuidAndCancelAll_CancelAndStreamCanceled()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snap_orders":false,"token":"{{token}}"}""");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
                {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.01,"limit_price":{{90000 + i}},"token":"{{token}}"}
                """);
            ids.Add(placed.GetProperty("result").GetProperty("order_id").GetString()!);
        }

        var cancelled = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","order_id":["{{ids[0]}}"],"token":"{{token}}"}""");
        cancelled.GetProperty("success").GetBoolean().ShouldBeTrue(cancelled.GetRawText());
        cancelled.GetProperty("result").GetProperty("order_id").GetString().ShouldBe(ids[0]);
        var canceledEvent = await UnifiedSandbox.MessageAsync(socket, "executions", 4, "update");
        var item = canceledEvent.GetProperty("data").EnumerateArray().Single(i => Exec(i) == "canceled");
        item.GetProperty("order_id").GetString().ShouldBe(ids[0]);
        item.GetProperty("order_status").GetString().ShouldBe("canceled");
        item.GetProperty("reason").GetString().ShouldBe(CancelReasons.User);

        var again = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","order_id":["{{ids[0]}}"],"token":"{{token}}"}""");
        again.GetProperty("success").GetBoolean().ShouldBeFalse();
        again.GetProperty("error").GetString().ShouldBe("EOrder:Unknown order");

        var all = await sandbox.RequestAsync(socket, "cancel_all", $$"""{"asset_class":"derivatives","token":"{{token}}"}""");
        all.GetProperty("result").GetProperty("count").GetInt32().ShouldBe(2);
        sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures).ShouldBeEmpty();
        var none = await sandbox.RequestAsync(socket, "cancel_all", $$"""{"asset_class":"derivatives","token":"{{token}}"}""");
        none.GetProperty("result").GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task CancelOrder_SubaccountToken_CannotCancelMastersOrder()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("desk", 10_000m);
        sandbox.Account("sub", 10_000m, master: "desk");
        var deskToken = await sandbox.TokenAsync("desk");
        var subToken = await sandbox.TokenAsync("sub");
        await using var socket = await sandbox.ConnectAsync();
        var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"sell","order_type":"limit","order_qty":0.01,"limit_price":110000,"cl_ord_id":"ask-1","token":"{{deskToken}}"}
            """);
        var orderId = placed.GetProperty("result").GetProperty("order_id").GetString()!;

        var byId = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","order_id":["{{orderId}}"],"token":"{{subToken}}"}""");
        var byClientId = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","cl_ord_id":["ask-1"],"token":"{{subToken}}"}""");
        var all = await sandbox.RequestAsync(socket, "cancel_all", $$"""{"asset_class":"derivatives","token":"{{subToken}}"}""");

        byId.GetProperty("error").GetString().ShouldBe("EOrder:Unknown order");
        byClientId.GetProperty("error").GetString().ShouldBe("EOrder:Unknown order");
        all.GetProperty("result").GetProperty("count").GetInt32().ShouldBe(0);
        sandbox.Exchange.OpenOrders("desk", TradingVenue.Futures).Single().ClientOrderId.ShouldBe("ask-1");
    }

    [Theory]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000,"colour":"red"}""", "Unsupported field: 'colour'")]
    [InlineData("""{"symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000}""", "Invalid 'params.asset_class'")]
    [InlineData("""{"asset_class":"spot","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000}""", "Unsupported field: 'asset_class'")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_DOGEUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000}""", "Currency pair not supported PF_DOGEUSD")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"up","order_type":"limit","order_qty":0.1,"limit_price":99000}""", "EGeneral:Invalid arguments:side")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"iceberg","order_qty":0.1,"limit_price":99000}""", "EGeneral:Invalid arguments:order_type")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.00001,"limit_price":99000}""", "EGeneral:Invalid arguments:order_qty")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000.25}""", "EOrder:Invalid price")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1}""", "EOrder:Invalid price")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000,"post_only":"yes"}""", "Invalid 'params.post_only'")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":50,"limit_price":99000}""", "EOrder:Insufficient funds")]
    [InlineData("""{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"sell","order_type":"limit","order_qty":0.1,"limit_price":99000,"reduce_only":true}""", "EOrder:Cannot open position")]
    public async Task AddOrder_BadParams_AnswersErrorAndPlacesNothing(string parameters, string error)
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var answer = await sandbox.RequestAsync(socket, "add_order", parameters.Insert(1, $$"""
            "token":"{{token}}",
            """));

        answer.GetProperty("success").GetBoolean().ShouldBeFalse(answer.GetRawText());
        answer.GetProperty("error").GetString().ShouldBe(error);
        answer.TryGetProperty("result", out _).ShouldBeFalse();
        sandbox.Exchange.OpenOrders("trader").ShouldBeEmpty();
        sandbox.Exchange.ClosedOrders("trader").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddOrder_BadOrMissingToken_AnswersInvalidToken()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        await using var socket = await sandbox.ConnectAsync();
        const string order = """{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000""";

        var bad = await sandbox.RequestAsync(socket, "add_order", order + ""","token":"nope"}""");
        var missing = await sandbox.RequestAsync(socket, "add_order", order + "}");

        bad.GetProperty("error").GetString().ShouldBe("EAPI:Invalid token");
        missing.GetProperty("error").GetString().ShouldBe("EAPI:Invalid token");
        sandbox.Exchange.OpenOrders("trader").ShouldBeEmpty();
    }
}
