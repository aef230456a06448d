using System.Text.Json;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>Unified private methods besides add/cancel: set_preference and preferences, amend_order, batch_add, batch_cancel, cancel_all_orders_after.</summary>
public sealed class UnifiedMethodsTests
{
    private static string Leverage(string token, string mode) =>
        $$"""{"asset_class":"derivatives","leverage_mode":{{mode}},"token":"{{token}}"}""";

    [Fact]
    public async Task SetPreference_FixedThenCross_UpdatesPreferences_InvalidChangesNothing()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"preferences","token":"{{token}}"}""");
        var snapshot = (await UnifiedSandbox.MessageAsync(socket, "preferences", 1, "snapshot")).GetProperty("data");
        snapshot.GetProperty("trading_permission").GetString().ShouldBe("enabled");
        snapshot.GetProperty("leverage_mode").EnumerateArray().Select(m => m.GetProperty("max_leverage").ValueKind).ShouldAllBe(k => k == JsonValueKind.Null);

        var fixedLeverage = await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD","max_leverage":5}"""));
        fixedLeverage.GetProperty("success").GetBoolean().ShouldBeTrue(fixedLeverage.GetRawText());
        fixedLeverage.GetProperty("result").GetProperty("leverage_mode").GetProperty("max_leverage").GetDecimal().ShouldBe(5m);
        var update = (await UnifiedSandbox.MessageAsync(socket, "preferences", 1, "update")).GetProperty("data");
        update.GetProperty("leverage_mode").EnumerateArray().Single(m => m.GetProperty("symbol").GetString() == "PF_XBTUSD").GetProperty("max_leverage").GetDecimal().ShouldBe(5m);
        sandbox.Exchange.LeveragePreferences("trader").Single(p => p.Symbol == "PF_XBTUSD").MaxLeverage.ShouldBe(5m);

        var refused = new[]
        {
            (await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD","max_leverage":100}"""))).GetProperty("error").GetString(),
            (await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD","max_leverage":0.5}"""))).GetProperty("error").GetString(),
            (await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_FOOUSD","max_leverage":2}"""))).GetProperty("error").GetString(),
            (await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD"}"""))).GetProperty("error").GetString(),
            (await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD","max_leverage":"cross"}"""))).GetProperty("error").GetString(),
        };
        refused.ShouldBe([
            "Leverage is outside the permitted range for this market",
            "Leverage is outside the permitted range for this market",
            "Unknown 'params.leverage_mode.symbol'",
            "Invalid 'params.leverage_mode.max_leverage'",
            "Invalid 'params.leverage_mode.max_leverage'",
        ]);
        sandbox.Exchange.LeveragePreferences("trader").Single(p => p.Symbol == "PF_XBTUSD").MaxLeverage.ShouldBe(5m);

        var cross = await sandbox.RequestAsync(socket, "set_preference", Leverage(token, """{"symbol":"PF_XBTUSD","max_leverage":null}"""));
        cross.GetProperty("result").GetProperty("leverage_mode").GetProperty("max_leverage").ValueKind.ShouldBe(JsonValueKind.Null);
        var crossUpdate = (await UnifiedSandbox.MessageAsync(socket, "preferences", 2, "update")).GetProperty("data");
        crossUpdate.GetProperty("leverage_mode").EnumerateArray().Single(m => m.GetProperty("symbol").GetString() == "PF_XBTUSD").GetProperty("max_leverage").ValueKind.ShouldBe(JsonValueKind.Null);
        sandbox.Exchange.LeveragePreferences("trader").Single(p => p.Symbol == "PF_XBTUSD").MaxLeverage.ShouldBeNull();
    }

    [Fact]
    public async Task AmendOrder_ByClientId_AmendsInPlaceAndStreamsAmended()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snap_orders":false,"token":"{{token}}"}""");
        var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":90000,"cl_ord_id":"bid-1","token":"{{token}}"}
            """);
        var orderId = placed.GetProperty("result").GetProperty("order_id").GetString();

        var amended = await sandbox.RequestAsync(socket, "amend_order", $$"""{"asset_class":"derivatives","cl_ord_id":"bid-1","order_qty":0.2,"limit_price":91000,"token":"{{token}}"}""");
        var bad = await sandbox.RequestAsync(socket, "amend_order", $$"""{"asset_class":"derivatives","cl_ord_id":"bid-1","limit_price":91000.5,"token":"{{token}}"}""");

        amended.GetProperty("success").GetBoolean().ShouldBeTrue(amended.GetRawText());
        amended.GetProperty("result").GetProperty("order_id").GetString().ShouldBe(orderId);
        Guid.TryParse(amended.GetProperty("result").GetProperty("amend_id").GetString(), out _).ShouldBeTrue();
        var item = (await UnifiedSandbox.MessageAsync(socket, "executions", 2, "update")).GetProperty("data")[0];
        item.GetProperty("exec_type").GetString().ShouldBe("amended");
        item.GetProperty("order_qty").GetRawText().ShouldBe("0.2000");
        item.GetProperty("limit_price").GetRawText().ShouldBe("91000");
        bad.GetProperty("error").GetString().ShouldBe("EOrder:Invalid price");
        var order = sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures).Single();
        (order.Volume, order.Price).ShouldBe((0.2m, 91_000m));
    }

    [Fact]
    public async Task BatchAddAndBatchCancel_PlaceAndCancelTogether()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var added = await sandbox.RequestAsync(socket, "batch_add", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","orders":[
              {"side":"buy","order_type":"limit","order_qty":0.01,"limit_price":90000,"cl_ord_id":"a"},
              {"side":"sell","order_type":"limit","order_qty":0.01,"limit_price":110000,"post_only":true,"cl_ord_id":"b"}],"token":"{{token}}"}
            """);
        var badBatch = await sandbox.RequestAsync(socket, "batch_add", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","orders":[
              {"side":"buy","order_type":"limit","order_qty":0.01,"limit_price":90000},
              {"side":"buy","order_type":"limit","order_qty":0.01,"limit_price":90000.5}],"token":"{{token}}"}
            """);

        added.GetProperty("success").GetBoolean().ShouldBeTrue(added.GetRawText());
        var ids = added.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("order_id").GetString()!).ToList();
        ids.Count.ShouldBe(2);
        badBatch.GetProperty("error").GetString().ShouldBe("EOrder:Invalid price");
        sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures).Count.ShouldBe(2);

        var tooFew = await sandbox.RequestAsync(socket, "batch_cancel", $$"""{"asset_class":"derivatives","orders":["{{ids[0]}}"],"token":"{{token}}"}""");
        var cancelled = await sandbox.RequestAsync(socket, "batch_cancel", $$"""{"asset_class":"derivatives","orders":["{{ids[0]}}"],"cl_ord_id":["b"],"token":"{{token}}"}""");

        tooFew.GetProperty("error").GetString().ShouldBe("Invalid 'params.orders'");
        cancelled.GetProperty("result").GetProperty("count").GetInt32().ShouldBe(2);
        sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures).ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelAllOrdersAfter_ArmsTheSwitch_AndCancelOrderRefusesUserref()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var armed = await sandbox.RequestAsync(socket, "cancel_all_orders_after", $$"""{"timeout":60,"token":"{{token}}"}""");
        var bad = await sandbox.RequestAsync(socket, "cancel_all_orders_after", $$"""{"timeout":-1,"token":"{{token}}"}""");
        var userref = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","order_userref":[1],"token":"{{token}}"}""");
        var notUuid = await sandbox.RequestAsync(socket, "cancel_order", $$"""{"asset_class":"derivatives","order_id":["OABCDE-FGHIJ-KLMNOP"],"token":"{{token}}"}""");

        armed.GetProperty("result").GetProperty("currentTime").GetString().ShouldBe("2026-11-26T12:00:00Z");
        armed.GetProperty("result").GetProperty("triggerTime").GetString().ShouldBe("2026-11-26T12:01:00Z");
        sandbox.Exchange.DeadMansSwitch("trader", TradingVenue.Futures).ShouldNotBeNull();
        bad.GetProperty("error").GetString().ShouldBe("Invalid 'params.timeout'");
        userref.GetProperty("error").GetString().ShouldBe("'params.order_userref' is not available for derivatives (use 'cl_ord_id' instead)");
        notUuid.GetProperty("error").GetString().ShouldBe("EGeneral:Invalid arguments:order_id");
    }
}
