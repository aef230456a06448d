using System.Text.Json;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Unified;

/// <summary>Subscription options of the Unified private channels (snapshots, <c>order_status</c>, <c>with_margin</c>) and token permissions.</summary>
public sealed class UnifiedStreamOptionsTests
{
    private static string Exec(JsonElement item) => item.GetProperty("exec_type").GetString()!;

    [Fact]
    public async Task Executions_SnapTrades_SnapshotListsOpenOrdersThenFills()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        var filled = sandbox.Place("trader", Side.Buy, 0.01m, 99_000m, "filled-1");
        sandbox.Place("lp", Side.Sell, 0.01m, 99_000m);
        sandbox.Place("trader", Side.Buy, 0.02m, 98_000m, "open-1");
        var fill = (await sandbox.FuturesClient("trader").GetFillsAsync(cancellationToken: TestContext.Current.CancellationToken)).GetValueOrThrow().Single();
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var ack = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snap_trades":true,"token":"{{token}}"}""");
        var snapshot = await UnifiedSandbox.MessageAsync(socket, "executions", 1, "snapshot");

        ack.GetProperty("result").GetProperty("snap_trades").GetBoolean().ShouldBeTrue();
        var items = snapshot.GetProperty("data").EnumerateArray().ToList();
        items.Select(Exec).ShouldBe(["new", "trade"]);
        items[0].GetProperty("cl_ord_id").GetString().ShouldBe("open-1");
        items[0].GetProperty("order_status").GetString().ShouldBe("new");
        items[1].GetProperty("cl_ord_id").GetString().ShouldBe("filled-1");
        items[1].GetProperty("exec_id").GetString().ShouldBe(fill.FillId);
        items[1].GetProperty("order_id").GetString().ShouldBe(fill.OrderId);
        items[1].GetProperty("order_status").GetString().ShouldBe("filled");
        filled.Order!.ClientOrderId.ShouldBe("filled-1");
    }

    [Fact]
    public async Task Executions_OrderStatusFalse_StreamsOnlyOpenAndCloseTransitions()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snap_orders":false,"order_status":false,"token":"{{token}}"}""");

        await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.02,"limit_price":99000,"token":"{{token}}"}
            """);
        sandbox.Place("lp", Side.Sell, 0.01m, 99_000m);
        sandbox.Place("lp", Side.Sell, 0.01m, 99_000m);

        (await UnifiedSandbox.MessageAsync(socket, "executions", 1, "update")).GetProperty("data").EnumerateArray().Select(Exec).ShouldBe(["new"]);
        var closed = await UnifiedSandbox.MessageAsync(socket, "executions", 2, "update");
        closed.GetProperty("data").EnumerateArray().Select(Exec).ShouldBe(["filled"]);
        closed.GetProperty("data")[0].GetProperty("cum_qty").GetRawText().ShouldBe("0.0200");
        closed.GetProperty("data")[0].GetProperty("avg_price").GetDecimal().ShouldBe(99_000m);
    }

    [Fact]
    public async Task Positions_WithMarginAndNoSnapshot_UpdateCarriesMargin()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();

        var ack = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"positions","asset_class":"derivatives","snapshot":false,"with_margin":true,"token":"{{token}}"}""");
        sandbox.Place("lp", Side.Buy, 0.1m, 100_000m);
        await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"sell","order_type":"limit","order_qty":0.1,"limit_price":100000,"token":"{{token}}"}
            """);
        var update = await UnifiedSandbox.MessageAsync(socket, "positions", 1);

        ack.GetProperty("result").GetProperty("with_margin").GetBoolean().ShouldBeTrue();
        update.GetProperty("type").GetString().ShouldBe("update");
        var position = update.GetProperty("data").GetProperty("futures")[0];
        position.GetProperty("side").GetString().ShouldBe("short");
        position.GetProperty("size").GetRawText().ShouldBe("0.1000");
        position.GetProperty("notional").GetRawText().ShouldBe("10000.0000");
        position.GetProperty("initial_margin").GetRawText().ShouldBe("200.0000");
        position.GetProperty("maintenance_margin").GetRawText().ShouldBe("100.0000");
    }

    [Fact]
    public async Task Token_WithoutTradingPermission_ReadsButCannotTrade()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("trader", 10_000m);
        var token = await sandbox.TokenAsync("trader", SpotPermission.AccessWebSocketsApi | SpotPermission.QueryOpenOrdersAndTrades);
        await using var socket = await sandbox.ConnectAsync();

        var subscribed = await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","token":"{{token}}"}""");
        var placed = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000,"token":"{{token}}"}
            """);
        var cancelled = await sandbox.RequestAsync(socket, "cancel_all", $$"""{"asset_class":"derivatives","token":"{{token}}"}""");

        subscribed.GetProperty("success").GetBoolean().ShouldBeTrue();
        placed.GetProperty("error").GetString().ShouldBe("EGeneral:Permission denied");
        cancelled.GetProperty("error").GetString().ShouldBe("EGeneral:Permission denied");
        sandbox.Exchange.OpenOrders("trader").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddOrder_PostOnlyThatWouldTakeAndUnfilledMarketRest_AcceptedThenCanceled()
    {
        await using var sandbox = await UnifiedSandbox.StartAsync();
        sandbox.Account("lp", 1_000_000m);
        sandbox.Account("trader", 10_000m);
        sandbox.Place("lp", Side.Sell, 0.01m, 100_000m);
        var token = await sandbox.TokenAsync("trader");
        await using var socket = await sandbox.ConnectAsync();
        await sandbox.RequestAsync(socket, "subscribe", $$"""{"channel":"executions","asset_class":"derivatives","snap_orders":false,"token":"{{token}}"}""");

        var post = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.01,"limit_price":100000,"post_only":true,"token":"{{token}}"}
            """);
        var market = await sandbox.RequestAsync(socket, "add_order", $$"""
            {"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"market","order_qty":0.03,"token":"{{token}}"}
            """);

        post.GetProperty("success").GetBoolean().ShouldBeTrue(post.GetRawText());
        var rejected = (await UnifiedSandbox.MessageAsync(socket, "executions", 1, "update")).GetProperty("data").EnumerateArray().ToList();
        rejected.Select(Exec).ShouldBe(["new", "canceled"]);
        rejected[1].GetProperty("reason").GetString().ShouldBe("Post only order");
        rejected[1].GetProperty("post_only").GetBoolean().ShouldBeTrue();

        market.GetProperty("success").GetBoolean().ShouldBeTrue(market.GetRawText());
        var partial = (await UnifiedSandbox.MessageAsync(socket, "executions", 2, "update")).GetProperty("data").EnumerateArray().ToList();
        partial.Select(Exec).ShouldBe(["new", "trade", "canceled"]);
        partial[0].GetProperty("time_in_force").GetString().ShouldBe("ioc");
        partial[1].GetProperty("order_status").GetString().ShouldBe("partially_filled");
        partial[1].GetProperty("liquidity_ind").GetString().ShouldBe("t");
        partial[2].GetProperty("cum_qty").GetRawText().ShouldBe("0.0100");
        partial[2].GetProperty("order_status").GetString().ShouldBe("canceled");
    }
}
