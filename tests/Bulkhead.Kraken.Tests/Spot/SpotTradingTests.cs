using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Testing.FakeKraken;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>Order placement is sent once and resent only after checking by client order id; cancels are charged by order age.</summary>
public sealed class SpotTradingTests
{
    private const string OrderId = "OUF4EM-FRGI2-MQMWZD";

    private static OrderRequest Limit(string? clientOrderId = null) => new()
    {
        Pair = "XBTUSD",
        Side = OrderSide.Buy,
        Volume = 1.25m,
        Price = 37500m,
        ClientOrderId = clientOrderId,
    };

    private static string OpenOrderJson(string clientOrderId) =>
        """
        {"open":{"ORDER_ID":{"refid":null,"userref":0,"cl_ord_id":"CLIENT_ORDER_ID","status":"open","opentm":1688666559.8974,"starttm":0,"expiretm":0,
        "descr":{"pair":"XBTUSD","type":"buy","ordertype":"limit","price":"37500.0","price2":"0","leverage":"none","order":"buy 1.25000000 XBTUSD @ limit 37500.0","close":""},
        "vol":"1.25000000","vol_exec":"0.00000000","cost":"0","fee":"0","price":"0","stopprice":"0","limitprice":"0","misc":"","oflags":"fciq"}}}
        """.Replace("CLIENT_ORDER_ID", clientOrderId, StringComparison.Ordinal).Replace("ORDER_ID", OrderId, StringComparison.Ordinal);

    private static void NoOrdersAnywhere(FakeSpotServer server)
    {
        server.SetResult("OpenOrders", "{\"open\":{}}");
        server.SetResult("ClosedOrders", "{\"closed\":{},\"count\":0}");
    }

    [Fact]
    public async Task AddOrder_TransientFailureButOrderLanded_NotResentAndReturnsFoundOrderId()
    {
        await using var harness = await SpotHarness.StartAsync();
        string? landed = null;
        harness.Server.SetHandler("AddOrder", r =>
        {
            landed = r["cl_ord_id"];
            return FakeSpotAnswer.Error(KrakenErrors.ServiceUnavailable);
        });
        harness.Server.SetHandler("OpenOrders", r => FakeSpotAnswer.Ok(r["cl_ord_id"] == landed ? OpenOrderJson(landed!) : "{\"open\":{}}"));
        harness.Server.SetResult("ClosedOrders", "{\"closed\":{},\"count\":0}");

        var result = await harness.Client.AddOrderAsync(Limit(), TestContext.Current.CancellationToken);

        result.Error.ShouldBeNull();
        result.Value!.OrderIds.ShouldBe([OrderId]);
        result.Value.ClientOrderId.ShouldBe(landed);
        Guid.TryParse(landed, out _).ShouldBeTrue("a client order id is generated as a UUID when none is given");
        result.Value.RecoveredFrom.ShouldBe(KrakenErrors.ServiceUnavailable);
        harness.Server.CountOf("AddOrder").ShouldBe(1);
        harness.Server.CountOf("OpenOrders").ShouldBe(1);
        harness.Server.CountOf("ClosedOrders").ShouldBe(0);
    }

    [Fact]
    public async Task AddOrder_TransientFailureAndOrderFilledMeanwhile_FoundInClosedOrders()
    {
        await using var harness = await SpotHarness.StartAsync();
        harness.Server.InjectFault("AddOrder", FakeSpotFault.ServiceUnavailable);
        harness.Server.SetResult("OpenOrders", "{\"open\":{}}");
        harness.Server.SetHandler("ClosedOrders", r => FakeSpotAnswer.Ok(OpenOrderJson(r["cl_ord_id"]!).Replace("\"open\":{", "\"count\":1,\"closed\":{", StringComparison.Ordinal).Replace("\"status\":\"open\"", "\"status\":\"closed\"", StringComparison.Ordinal)));

        var result = await harness.Client.AddOrderAsync(Limit("my-order-1"), TestContext.Current.CancellationToken);

        result.Value!.OrderIds.ShouldBe([OrderId]);
        result.Value.ClientOrderId.ShouldBe("my-order-1");
        harness.Server.CountOf("AddOrder").ShouldBe(1);
        harness.Server.Requests.Single(r => r.Method == "ClosedOrders")["cl_ord_id"].ShouldBe("my-order-1");
    }

    [Fact]
    public async Task AddOrder_GatewayErrorAndOrderDidNotLand_ResentOnceWithSameClientOrderIdAndFreshNonce()
    {
        await using var harness = await SpotHarness.StartAsync();
        SpotFixture.Load("AddOrder").Serve(harness.Server);
        harness.Server.InjectFault("AddOrder", FakeSpotFault.BadGatewayHtml);
        NoOrdersAnywhere(harness.Server);

        var result = await harness.Client.AddOrderAsync(Limit("my-order-2"), TestContext.Current.CancellationToken);

        result.Value!.OrderIds.ShouldBe([OrderId]);
        result.Value.RecoveredFrom.ShouldBeNull();
        var sends = harness.Server.Requests.Where(r => r.Method == "AddOrder").ToList();
        sends.Select(r => r.Outcome).ShouldBe(["BadGatewayHtml", "ok"]);
        sends.ShouldAllBe(r => r["cl_ord_id"] == "my-order-2");
        sends[1].Nonce!.Value.ShouldBeGreaterThan(sends[0].Nonce!.Value);
        harness.Server.Requests.Select(r => r.Method).ShouldBe(["AddOrder", "OpenOrders", "ClosedOrders", "AddOrder"]);
    }

    [Fact]
    public async Task AddOrder_NeverLandsAndKeepsFailing_StopsAfterMaxRetries()
    {
        await using var harness = await SpotHarness.StartAsync(configure: o => o.MaxRetries = 2);
        harness.Server.InjectFault("AddOrder", FakeSpotFault.ServiceUnavailable, count: 10);
        NoOrdersAnywhere(harness.Server);

        var result = await harness.Client.AddOrderAsync(Limit(), TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.ServiceUnavailable);
        harness.Server.CountOf("AddOrder").ShouldBe(3);
    }

    [Theory]
    [InlineData(KrakenErrors.InsufficientFunds)]
    [InlineData(KrakenErrors.InvalidNonce)]
    [InlineData(KrakenErrors.TemporaryLockout)]
    [InlineData(KrakenErrors.InvalidArguments)]
    public async Task AddOrder_NonTransientError_ReturnedWithoutLookupOrResend(string error)
    {
        await using var harness = await SpotHarness.StartAsync();
        harness.Server.SetHandler("AddOrder", _ => FakeSpotAnswer.Error(error));
        NoOrdersAnywhere(harness.Server);

        var result = await harness.Client.AddOrderAsync(Limit(), TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(error);
        harness.Server.Requests.ShouldHaveSingleItem().Method.ShouldBe("AddOrder");
    }

    [Fact]
    public async Task AddOrder_LookupFails_NotResentAndSaysOrderMayHaveLanded()
    {
        await using var harness = await SpotHarness.StartAsync(configure: o => o.MaxRetries = 0);
        harness.Server.InjectFault("AddOrder", FakeSpotFault.ServiceUnavailable);
        harness.Server.InjectFault("OpenOrders", FakeSpotFault.ServiceUnavailable);

        var result = await harness.Client.AddOrderAsync(Limit("my-order-3"), TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.ServiceUnavailable);
        result.Error.Message.ShouldContain("may have landed");
        result.Error.Message.ShouldContain("my-order-3");
        harness.Server.CountOf("AddOrder").ShouldBe(1);
    }

    [Fact]
    public async Task AddOrder_MarketOrderWithPrice_Throws() =>
        await Should.ThrowAsync<ArgumentException>(async () =>
        {
            await using var harness = await SpotHarness.StartAsync();
            await harness.Client.AddOrderAsync(Limit() with { Type = SpotOrderType.Market }, TestContext.Current.CancellationToken);
        });

    [Theory]
    [InlineData(0, 8)]
    [InlineData(4.9, 8)]
    [InlineData(5, 6)]
    [InlineData(14, 5)]
    [InlineData(20, 4)]
    [InlineData(60, 2)]
    [InlineData(299, 1)]
    [InlineData(300, 0)]
    public async Task CancelOrder_OwnOrder_ChargesPenaltyByAgeOnItsPair(double ageSeconds, int penalty)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var rest = new RecordingRateLimiter("spot-rest");
        var trading = new Dictionary<string, RecordingRateLimiter>();
        var limiters = new SpotRateLimiters(rest, pair => trading.TryGetValue(pair, out var l) ? l : trading[pair] = new RecordingRateLimiter("spot-trading/" + pair));
        await using var harness = await SpotHarness.StartAsync(time, limiters: limiters);
        SpotFixture.Load("AddOrder").Serve(harness.Server);
        SpotFixture.Load("CancelOrder").Serve(harness.Server);
        var ct = TestContext.Current.CancellationToken;
        (await harness.Client.AddOrderAsync(Limit(), ct)).Success.ShouldBeTrue();

        time.Advance(TimeSpan.FromSeconds(ageSeconds));
        (await harness.Client.CancelOrderAsync(OrderId, ct)).Value.ShouldBe(1);

        var booked = trading["XBTUSD"].Booked;
        booked[0].ShouldBe(1m);
        booked.Skip(1).Sum().ShouldBe(penalty);
        rest.Booked.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("AmendOrder", 3, 4)]
    [InlineData("AmendOrder", 12, 2)]
    [InlineData("AmendOrder", 20, 1)]
    [InlineData("EditOrder", 3, 7)]
    [InlineData("EditOrder", 60, 2)]
    [InlineData("EditOrder", 100, 1)]
    public async Task AmendOrEditOrder_OwnOrder_ChargesKrakensCostByAgeOnItsPair(string method, double ageSeconds, int cost)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var rest = new RecordingRateLimiter("spot-rest");
        var xbt = new RecordingRateLimiter("spot-trading/XBTUSD");
        await using var harness = await SpotHarness.StartAsync(time, limiters: new SpotRateLimiters(rest, _ => xbt));
        SpotFixture.Load("AddOrder").Serve(harness.Server);
        harness.Server.SetResult(method, """{"amend_id":"TEST"}""");
        var ct = TestContext.Current.CancellationToken;
        (await harness.Client.AddOrderAsync(Limit(), ct)).Success.ShouldBeTrue();

        time.Advance(TimeSpan.FromSeconds(ageSeconds));
        (await harness.Client.CallPrivateAsync(method, [new("txid", OrderId), new("order_qty", "1")], ct)).Success.ShouldBeTrue();

        xbt.Booked.ShouldBe([1m, cost]);
        rest.Booked.ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelOrder_ByClientOrderId_UsesTrackedPair()
    {
        var rest = new RecordingRateLimiter("spot-rest");
        var xbt = new RecordingRateLimiter("spot-trading/XBTUSD");
        await using var harness = await SpotHarness.StartAsync(limiters: new SpotRateLimiters(rest, _ => xbt));
        SpotFixture.Load("AddOrder").Serve(harness.Server);
        SpotFixture.Load("CancelOrder").Serve(harness.Server);
        var ct = TestContext.Current.CancellationToken;
        (await harness.Client.AddOrderAsync(Limit("mine-4"), ct)).Success.ShouldBeTrue();

        (await harness.Client.CancelOrderByClientOrderIdAsync("mine-4", ct)).Value.ShouldBe(1);

        xbt.Booked.Count.ShouldBe(2);
        xbt.Booked[1].ShouldBe(8m);
        harness.Server.Requests[^1]["cl_ord_id"].ShouldBe("mine-4");
    }

    [Fact]
    public async Task CancelOrder_UnknownOrder_TakesRestLimiterPath()
    {
        var rest = new RecordingRateLimiter("spot-rest");
        var traded = false;
        await using var harness = await SpotHarness.StartAsync(limiters: new SpotRateLimiters(rest, p => { traded = true; return new RecordingRateLimiter(p); }));
        SpotFixture.Load("CancelOrder").Serve(harness.Server);

        (await harness.Client.CancelOrderAsync("OXXXXX-XXXXX-XXXXXX", TestContext.Current.CancellationToken)).Value.ShouldBe(1);

        traded.ShouldBeFalse();
        rest.Booked.ShouldBeEmpty("CancelOrder costs nothing on the REST counter");
        harness.Server.CountOf("CancelOrder").ShouldBe(1);
    }

    [Fact]
    public async Task CancelOrder_TransientFailure_NotRetried()
    {
        await using var harness = await SpotHarness.StartAsync();
        harness.Server.InjectFault("CancelOrder", FakeSpotFault.ServiceUnavailable);

        var result = await harness.Client.CancelOrderAsync(OrderId, TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.ServiceUnavailable);
        harness.Server.CountOf("CancelOrder").ShouldBe(1);
    }
}
