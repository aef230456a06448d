using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Venues;
using Bulkhead.Testing.FakeKraken;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

public sealed class FuturesRestClientResilienceTests
{
    private static readonly FuturesOrderRequest Limit = new()
    {
        Symbol = "PF_XBTUSD",
        Side = OrderSide.Buy,
        OrderType = FuturesOrderType.Limit,
        Size = 0.001m,
        LimitPrice = 50000m,
        ClientOrderId = "landing-check-1",
    };

    [Fact]
    public async Task WrongSecret_AfterMaxFailures_KeyHaltedLocallyAndNothingMoreReachesServer()
    {
        await using var h = await FuturesHarness.StartAsync(clientSecret: FuturesHarness.WrongSecret);
        var max = new LockoutGuardOptions().MaxAuthenticationFailures;
        var ct = TestContext.Current.CancellationToken;

        var results = new List<KrakenError>();
        for (var i = 0; i < max + 3; i++)
        {
            results.Add((await h.Client.GetAccountsAsync(ct)).Error!);
        }

        results.Take(max).ShouldAllBe(e => e.Code == KrakenErrors.FuturesAuthenticationError && e.Origin == KrakenErrorOrigin.Exchange);
        results.Skip(max).ShouldAllBe(e => e.Code == KrakenErrors.LocalKeyHalted && e.Category == KrakenErrorCategory.Lockout);
        h.Server.Requests.Count.ShouldBe(max);
        h.Server.Requests.ShouldAllBe(r => !r.Authenticated);
        h.Guard.State.Halted.ShouldBeTrue();
    }

    [Fact]
    public async Task Accounts_TransientUnavailable_IsRetriedWithFreshNonces()
    {
        await using var h = await FuturesHarness.StartAsync(maxRetries: 3);
        h.Server.InjectFault("accounts", FuturesFault.Unavailable, times: 2);

        var result = await h.Client.GetAccountsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        var nonces = h.Server.Requests.Select(r => long.Parse(r.Nonce!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        nonces.Count.ShouldBe(3);
        nonces.ShouldBeInOrder(SortDirection.Ascending);
        nonces.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task SendOrder_TransientAfterLanding_ReturnsLandedAckWithoutResend()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.InjectFault("sendorder", FuturesFault.UnavailableAfterProcessing);

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.ShouldBe(new VenueOrderAck("179f9af8-e45e-469d-b3e9-2fd4675cb7d0", "landing-check-1", VenueOrderStatus.Placed, result.Value.Fills));
        h.Server.RequestsTo("sendorder").Count.ShouldBe(1);
        h.Server.RequestsTo("orders/status").Single().Body.ShouldBe("cliOrdIds=landing-check-1");
    }

    [Fact]
    public async Task SendOrder_TransientNotLanded_ChecksThenResendsOnce()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.InjectFault("sendorder", FuturesFault.Unavailable);

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        h.Server.Requests.Select(r => r.Endpoint).ShouldBe(["sendorder", "orders/status", "openorders", "sendorder"]);
        var sends = h.Server.RequestsTo("sendorder");
        sends[0].Body.ShouldBe(sends[1].Body);
        sends[0].Nonce.ShouldNotBe(sends[1].Nonce);
    }

    [Fact]
    public async Task SendOrder_LandedCheckFails_DoesNotResend()
    {
        await using var h = await FuturesHarness.StartAsync(maxRetries: 1);
        h.Server.InjectFault("sendorder", FuturesFault.Unavailable);
        h.Server.InjectFault("orders/status", FuturesFault.BadGatewayHtml, times: 2);

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe("Unavailable");
        result.Error.Message.ShouldContain("was not resent");
        h.Server.RequestsTo("sendorder").Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendOrder_AuthenticationError_IsNeitherCheckedNorResent()
    {
        await using var h = await FuturesHarness.StartAsync(clientSecret: FuturesHarness.WrongSecret);

        var result = await h.Client.SendOrderAsync(Limit, TestContext.Current.CancellationToken);

        result.Error!.Category.ShouldBe(KrakenErrorCategory.Authentication);
        h.Server.Requests.Select(r => r.Endpoint).ShouldBe(["sendorder"]);
    }

    [Fact]
    public async Task RepeatedNonce_ServerAnswersNonceBelowThreshold_AsAuthentication()
    {
        await using var h = await FuturesHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        (await h.Client.GetOpenPositionsAsync(ct)).Success.ShouldBeTrue();
        h.Nonces.Repeat = true;

        var result = await h.Client.GetOpenPositionsAsync(ct);

        (result.Error!.Code, result.Error.Category).ShouldBe((KrakenErrors.FuturesNonceBelowThreshold, KrakenErrorCategory.Authentication));
    }

    [Fact]
    public async Task NoNonceHeader_SignsWithEmptyNonce_AndServerAccepts()
    {
        await using var h = await FuturesHarness.StartAsync(sendNonce: false);

        var result = await h.Client.GetOpenPositionsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        h.Server.Requests.Single().Nonce.ShouldBeNull();
    }

    [Theory]
    [InlineData(FuturesFault.BadGatewayHtml, KrakenErrors.TransportHttpStatus, KrakenErrorCategory.Transient)]
    [InlineData(FuturesFault.NotJson, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol)]
    [InlineData(FuturesFault.TruncatedJson, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol)]
    [InlineData(FuturesFault.EmptyBody, KrakenErrors.TransportBadResponse, KrakenErrorCategory.Protocol)]
    public async Task Accounts_BadResponse_BecomesTypedError(FuturesFault fault, string code, KrakenErrorCategory category)
    {
        await using var h = await FuturesHarness.StartAsync(maxRetries: 0);
        h.Server.InjectFault("accounts", fault);

        var result = await h.Client.GetAccountsAsync(TestContext.Current.CancellationToken);

        (result.Error!.Code, result.Error.Category, result.Error.Origin).ShouldBe((code, category, KrakenErrorOrigin.Transport));
    }
}
