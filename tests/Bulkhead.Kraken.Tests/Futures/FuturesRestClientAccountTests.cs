using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

public sealed class FuturesRestClientAccountTests
{
    [Fact]
    public async Task GetAccounts_Fixture_ParsesCashFlexAndMarginWithStringsAndNumbers()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetAccountsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Cash.Balances["xbt"].ShouldBe(141.31756797m);
        result.Value.Flex.Currencies["XBT"].Quantity.ShouldBe(0.1185308247m);
        result.Value.Flex.AvailableMargin.ShouldBe(34122.66m);
        var margin = result.Value.MarginAccounts["fi_xbtusd"];
        margin.Currency.ShouldBe("xbt");
        margin.Balances!["FI_XBTUSD_180615"].ShouldBe(-15000m);
        margin.Auxiliary!.AvailableFunds.ShouldBe(100.73891563m);
        margin.MarginRequirements!.Initial.ShouldBe(52.8m);
        var request = h.Server.Requests.Single();
        request.Authenticated.ShouldBeTrue();
        request.Nonce.ShouldNotBeNull();
    }

    [Fact]
    public async Task GetAccounts_EntryWithoutType_ReturnsProtocolError()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.Respond("accounts", """{"result":"success","serverTime":"2026-01-01T00:00:00.000Z","accounts":{"cash":{"balances":{}}}}""");

        var result = await h.Client.GetAccountsAsync(TestContext.Current.CancellationToken);

        result.Error!.Category.ShouldBe(KrakenErrorCategory.Protocol);
        result.Error.Message.ShouldContain("'cash' has no 'type'");
    }

    [Fact]
    public async Task GetOpenPositions_Fixture_ParsesNumbersAndStrings()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetOpenPositionsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value[0].MaxFixedLeverage.ShouldBe(5m);
        result.Value[0].UnrealisedFunding.ShouldBe(-0.0073428045972263895m);
        (result.Value[1].Side, result.Value[1].Price, result.Value[1].Size).ShouldBe(("short", 50100.5m, 0.0025m));
    }

    [Fact]
    public async Task GetAccountLog_Fixture_ParsesAndSignsFullHistoryPath()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetAccountLogAsync(count: 500, oldestFirst: true, cancellationToken: TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Logs.Count.ShouldBe(2);
        result.Value.Logs[0].NewBalance.ShouldBe(999.5m);
        result.Value.Logs[1].Contract.ShouldBeNull();
        var request = h.Server.Requests.Single();
        (request.Path, request.Query, request.Authenticated).ShouldBe(("/api/history/v3/account-log", "count=500&sort=asc", true));
    }

    [Fact]
    public async Task GetAccountLog_WrongSecret_Http401BecomesAuthenticationError()
    {
        await using var h = await FuturesHarness.StartAsync(clientSecret: FuturesHarness.WrongSecret);

        var result = await h.Client.GetAccountLogAsync(cancellationToken: TestContext.Current.CancellationToken);

        result.Error!.Category.ShouldBe(KrakenErrorCategory.Authentication);
        result.Error.Code.ShouldBe(KrakenErrors.FuturesAuthenticationError);
        h.Guard.State.RecentFailures.ShouldBe(1);
    }
}
