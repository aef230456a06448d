using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

public sealed class FuturesRestClientTransfersTests
{
    [Fact]
    public async Task ListSubaccounts_Fixture_ParsesIncludingExponentNumbers()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.ListSubaccountsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.MasterAccountUid.ShouldBe("ba598ca1-65c1-4f48-927d-0e2b647d627a");
        var sub = result.Value.Subaccounts.Single();
        sub.HoldingAccounts![1].Amount.ShouldBe(0.00000000346m);
        sub.FuturesAccounts![1].AvailableMargin.ShouldBe(-0.0009056832839642471m);
        sub.FlexAccount!.Currencies![0].Available.ShouldBe(0.49999966035931903m);
    }

    [Fact]
    public async Task GetSubaccountTradingEnabled_Fixture_ParsesBareBody()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetSubaccountTradingEnabledAsync("7f5c528e-2285-45f0-95f5-83d53d4bfcd2", TestContext.Current.CancellationToken);

        result.Value.ShouldBeTrue();
        h.Server.Requests.Single().Path.ShouldBe("/derivatives/api/v3/subaccount/7f5c528e-2285-45f0-95f5-83d53d4bfcd2/trading-enabled");
    }

    [Fact]
    public async Task SetSubaccountTradingEnabled_Put_SendsParameterInSignedQuery()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.SetSubaccountTradingEnabledAsync("7f5c528e-2285-45f0-95f5-83d53d4bfcd2", enabled: false, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.ShouldBeFalse();
        var request = h.Server.Requests.Single();
        (request.Method, request.Query, request.Body, request.Authenticated).ShouldBe(("PUT", "tradingEnabled=false", "", true));
    }

    [Fact]
    public async Task Transfer_PostsWalletParametersInBody()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.TransferAsync("cash", "flex", "usd", 250.50m, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        h.Server.Requests.Single().Body.ShouldBe("fromAccount=cash&toAccount=flex&unit=usd&amount=250.5");
    }

    [Fact]
    public async Task SubaccountTransfer_PostsUsersAndWallets()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.SubaccountTransferAsync("master-uid", "sub-uid", "flex", "flex", "usd", 10m, TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        var request = h.Server.Requests.Single();
        (request.Endpoint, request.Body).ShouldBe(("transfer/subaccount", "fromUser=master-uid&toUser=sub-uid&fromAccount=flex&toAccount=flex&unit=usd&amount=10"));
    }

    [Fact]
    public async Task Withdrawal_ToSpot_ReturnsReference()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.WithdrawalAsync("eth", 0.5m, "flex", TestContext.Current.CancellationToken);

        result.Value!.Reference.ShouldBe("9053db5f-0d5e-48dd-b606-a5c92576b706");
        h.Server.Requests.Single().Body.ShouldBe("currency=eth&amount=0.5&sourceWallet=flex");
    }

    [Fact]
    public async Task Transfer_TransientUnavailable_IsNotResent()
    {
        await using var h = await FuturesHarness.StartAsync();
        h.Server.InjectFault("transfer", Bulkhead.Testing.FakeKraken.FuturesFault.Unavailable);

        var result = await h.Client.TransferAsync("cash", "flex", "usd", 1m, TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe("Unavailable");
        h.Server.Requests.Count.ShouldBe(1);
    }
}
