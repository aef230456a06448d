using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

public sealed class FuturesRestClientOrdersTests
{
    private static readonly FuturesOrderRequest Limit = new()
    {
        Symbol = "PF_XBTUSD",
        Side = OrderSide.Buy,
        OrderType = FuturesOrderType.Limit,
        Size = 0.001m,
        LimitPrice = 50000m,
        ClientOrderId = "my order 1",
    };

    [Fact]
    public async Task SendOrder_Placed_ParamsTravelInSignedBody()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.ShouldBe(new VenueOrderAck("179f9af8-e45e-469d-b3e9-2fd4675cb7d0", "my order 1", VenueOrderStatus.Placed, result.Value.Fills));
        result.Value.Fills.ShouldBeEmpty();
        var request = h.Server.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Query.ShouldBeEmpty();
        request.Body.ShouldBe("orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.001&limitPrice=50000&cliOrdId=my%20order%201");
        request.Authenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task SendOrder_NoClientOrderId_GeneratesOneAndReportsIt()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.SendOrderAsync(Limit with { ClientOrderId = null }, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.ClientOrderId.ShouldStartWith("bh-");
        h.Server.LandedClientOrderIds.ShouldBe([result.Value.ClientOrderId]);
    }

    [Fact]
    public async Task SendOrder_ImmediateExecution_ReportsFilledWithFills()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("sendorder", """
            {"result":"success","serverTime":"2026-01-01T00:00:00.000Z","sendStatus":{"order_id":"o-1","status":"placed","receivedTime":"2026-01-01T00:00:00.000Z",
             "orderEvents":[{"type":"EXECUTION","executionId":"x-1","price":50001.5,"amount":0.001,"orderPriorExecution":{"orderId":"o-1","type":"lmt","symbol":"PF_XBTUSD","side":"buy","quantity":0.001,"filled":0},"orderPriorEdit":null,"takerReducedQuantity":null}]}}
            """);

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Value!.Status.ShouldBe(VenueOrderStatus.Filled);
        result.Value.Fills.ShouldBe([new VenueFill("x-1", "o-1", "my order 1", "PF_XBTUSD", OrderSide.Buy, 0.001m, 50001.5m, DateTimeOffset.Parse("2026-01-01T00:00:00.000Z", CultureInfo.InvariantCulture), null, null)]);
    }

    [Theory]
    [InlineData("insufficientAvailableFunds", KrakenErrorCategory.Funds)]
    [InlineData("wouldCauseLiquidation", KrakenErrorCategory.Funds)]
    [InlineData("postWouldExecute", KrakenErrorCategory.InvalidInput)]
    [InlineData("iocWouldNotExecute", KrakenErrorCategory.InvalidInput)]
    [InlineData("wouldNotReducePosition", KrakenErrorCategory.InvalidInput)]
    [InlineData("selfFill", KrakenErrorCategory.InvalidInput)]
    [InlineData("invalidPrice", KrakenErrorCategory.InvalidInput)]
    [InlineData("invalidSize", KrakenErrorCategory.InvalidInput)]
    [InlineData("clientOrderIdAlreadyExist", KrakenErrorCategory.InvalidInput)]
    [InlineData("marketSuspended", KrakenErrorCategory.Transient)]
    [InlineData("marketInactive", KrakenErrorCategory.Transient)]
    [InlineData("somethingNew", KrakenErrorCategory.Unknown)]
    public async Task SendOrder_RejectedStatus_BecomesTypedErrorAndIsNotResent(string status, KrakenErrorCategory category)
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("sendorder", $$$"""{"result":"success","serverTime":"2026-01-01T00:00:00.000Z","sendStatus":{"receivedTime":"2026-01-01T00:00:00.000Z","status":"{{{status}}}"}}""");

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(status);
        result.Error.Category.ShouldBe(category);
        result.Error.Origin.ShouldBe(KrakenErrorOrigin.Exchange);
        h.Server.Requests.Count.ShouldBe(1);
        h.Guard.State.RecentFailures.ShouldBe(0);
    }

    [Fact]
    public async Task SendOrder_RejectEvent_ReasonJoinsMessage()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("sendorder", """{"result":"success","serverTime":"2026-01-01T00:00:00.000Z","sendStatus":{"status":"postWouldExecute","orderEvents":[{"type":"REJECT","uid":"u","reason":"POST_WOULD_EXECUTE","order":{"orderId":"u"}}]}}""");

        var result = await h.Client.SendOrderAsync(Limit with { OrderType = FuturesOrderType.PostOnly }, TestContext.Current.CancellationToken);

        result.Error!.Message.ShouldBe("order action refused: postWouldExecute (POST_WOULD_EXECUTE)");
        h.Server.Requests.Single().Body.ShouldStartWith("orderType=post&");
    }

    [Fact]
    public async Task EditOrder_Fixture_ReturnsEditedAndSendsCamelCaseOrderId()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.EditOrderAsync(new FuturesEditRequest { OrderId = "022774bc-2c4a-4f26-9317-436c8d85746d", Size = 2m, LimitPrice = 9450m }, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Status.ShouldBe("edited");
        h.Server.Requests.Single().Body.ShouldBe("orderId=022774bc-2c4a-4f26-9317-436c8d85746d&size=2&limitPrice=9450");
    }

    [Fact]
    public async Task CancelOrder_Fixture_ReturnsCancelled()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.CancelOrderAsync(orderId: "cb4e34f6-4eb3-4d4b-9724-4c3035b99d47", cancellationToken: TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.OrderId.ShouldBe("cb4e34f6-4eb3-4d4b-9724-4c3035b99d47");
        result.Value.OrderEvents![0].Order!.ClientOrderId.ShouldBe("1234568");
        h.Server.Requests.Single().Body.ShouldBe("order_id=cb4e34f6-4eb3-4d4b-9724-4c3035b99d47");
    }

    [Theory]
    [InlineData("notFound")]
    [InlineData("filled")]
    public async Task CancelOrder_NotCancelled_BecomesInvalidInput(string status)
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("cancelorder", $$$"""{"result":"success","serverTime":"2026-01-01T00:00:00.000Z","cancelStatus":{"status":"{{{status}}}","receivedTime":"2026-01-01T00:00:00.000Z"}}""");

        var result = await h.Client.CancelOrderAsync(clientOrderId: "gone", cancellationToken: TestContext.Current.CancellationToken);

        (result.Error!.Code, result.Error.Category).ShouldBe((status, KrakenErrorCategory.InvalidInput));
    }

    [Fact]
    public async Task CancelAllOrders_Fixture_ListsCancelledOrders()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.CancelAllOrdersAsync("PF_XBTUSD", TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.CancelledOrders!.Select(o => o.ClientOrderId).ShouldBe([null, "grid-8"]);
        h.Server.Requests.Single().Body.ShouldBe("symbol=PF_XBTUSD");
    }

    [Fact]
    public async Task CancelAllOrdersAfter_Fixture_ParsesTimes()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.CancelAllOrdersAfterAsync(60, TestContext.Current.CancellationToken);

        result.Value.ShouldBe(new DeadMansSwitchState(DateTimeOffset.Parse("2018-06-19T16:51:23.839Z"), DateTimeOffset.Parse("2018-06-19T16:52:23.839Z")));
        h.Server.Requests.Single().Body.ShouldBe("timeout=60");
    }

    [Fact]
    public async Task CancelAllOrdersAfter_Disarmed_TriggerTimeZeroIsNull()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("cancelallordersafter", """{"result":"success","status":{"currentTime":"2018-06-19T16:51:23.839Z","triggerTime":"0"},"serverTime":"2018-06-19T16:51:23.839Z"}""");

        var result = await h.Client.CancelAllOrdersAfterAsync(0, TestContext.Current.CancellationToken);

        result.Value!.TriggerTime.ShouldBeNull();
    }

    [Fact]
    public async Task GetOpenOrders_Fixture_Parses()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetOpenOrdersAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Count.ShouldBe(3);
        (result.Value[1].ClientOrderId, result.Value[1].FilledSize, result.Value[1].UnfilledSize).ShouldBe(("grid-7", 0.0005m, 0.0015m));
        result.Value[2].StopPrice.ShouldBe(45500m);
    }

    [Fact]
    public async Task GetFills_Fixture_ParsesAndSendsLastFillTime()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetFillsAsync(new DateTimeOffset(2020, 7, 22, 13, 0, 0, TimeSpan.Zero), TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        (result.Value[1].ClientOrderId, result.Value[1].Size, result.Value[1].Price, result.Value[1].FillType).ShouldBe(("grid-3", 0.0025m, 50010.5m, "taker"));
        h.Server.Requests.Single().Query.ShouldBe("lastFillTime=2020-07-22T13%3A00%3A00.000Z");
    }

    [Fact]
    public async Task GetOrderStatus_SeveralIds_RepeatedKeysInBody()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetOrderStatusAsync(["1f2f9a3c-8e77-4a10-9b42-1f6b0a7b2a11"], ["fixture-cli-2", "unknown"], TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Select(o => (o.Status, o.Error)).ShouldBe([("FULLY_EXECUTED", null), ("REJECTED", "POST_WOULD_EXECUTE")]);
        var request = h.Server.Requests.Single();
        request.Body.ShouldBe("orderIds=1f2f9a3c-8e77-4a10-9b42-1f6b0a7b2a11&cliOrdIds=fixture-cli-2&cliOrdIds=unknown");
        request.Authenticated.ShouldBeTrue();
    }
}
