using Bulkhead.Kraken.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

public sealed class SpotPermissionsTests
{
    [Fact]
    public void Names_AreKrakensAndRoundTrip()
    {
        SpotPermissions.All.Select(p => p.Name).ShouldBe(
        [
            "Query Funds", "Deposit Funds", "Withdraw Funds", "Query Open Orders & Trades", "Query Closed Orders & Trades",
            "Modify Orders", "Cancel/Close Orders", "Query Ledger Entries", "Export Data", "Access WebSockets API",
        ]);
        foreach (var (permission, name) in SpotPermissions.All)
        {
            SpotPermissions.TryParse(name, out var parsed).ShouldBeTrue();
            parsed.ShouldBe(permission);
            SpotPermissions.NameOf(permission).ShouldBe(name);
        }
    }

    [Theory]
    [InlineData("query funds")]
    [InlineData("Trade")]
    [InlineData("")]
    public void TryParse_NotAKrakenName_Fails(string name)
    {
        SpotPermissions.TryParse(name, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Balance", SpotPermission.QueryFunds)]
    [InlineData("BalanceEx", SpotPermission.QueryFunds)]
    [InlineData("OpenOrders", SpotPermission.QueryOpenOrdersAndTrades)]
    [InlineData("ClosedOrders", SpotPermission.QueryClosedOrdersAndTrades)]
    [InlineData("TradesHistory", SpotPermission.QueryClosedOrdersAndTrades)]
    [InlineData("AddOrder", SpotPermission.ModifyOrders)]
    [InlineData("CancelAllOrdersAfter", SpotPermission.CancelCloseOrders)]
    [InlineData("Ledgers", SpotPermission.QueryLedgerEntries)]
    [InlineData("Withdraw", SpotPermission.WithdrawFunds)]
    [InlineData("DepositMethods", SpotPermission.DepositFunds)]
    [InlineData("GetWebSocketsToken", SpotPermission.AccessWebSocketsApi)]
    [InlineData("CreateSubaccount", SpotPermission.WithdrawFunds)]
    [InlineData("AccountTransfer", SpotPermission.WithdrawFunds)]
    public void TryGetRequired_PrivateMethods_AsDocumented(string method, SpotPermission expected)
    {
        SpotPermissions.TryGetRequired(method, out var permission).ShouldBeTrue();
        permission.ShouldBe(expected);
    }

    [Fact]
    public void PublicMethods_NeedNoPermission()
    {
        foreach (var method in new[] { "Time", "Assets", "AssetPairs", "Ticker", "Depth" })
        {
            SpotMethods.IsPublic(method).ShouldBeTrue();
            SpotPermissions.TryGetRequired(method, out _).ShouldBeFalse();
        }

        SpotPermissions.PrivateMethods.ShouldAllBe(m => !SpotMethods.IsPublic(m));
    }
}
