using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Roles;

/// <summary>What a gateway lets a role call: its row's methods, reads its permissions cover, never an unlisted state change.</summary>
public sealed class RoleAccessTests
{
    [Theory]
    [InlineData("Balance", true)]
    [InlineData("AddOrder", true)]
    [InlineData("CancelAll", true)]
    [InlineData("TradeBalance", true)]
    [InlineData("ClosedOrders", true)]
    [InlineData("QueryTrades", true)]
    [InlineData("GetWebSocketsToken", true)]
    [InlineData("Ledgers", false)]
    [InlineData("Withdraw", false)]
    [InlineData("WithdrawInfo", false)]
    [InlineData("WithdrawAddresses", false)]
    [InlineData("AccountTransfer", false)]
    [InlineData("WalletTransfer", false)]
    [InlineData("CreateSubaccount", false)]
    [InlineData("DepositAddresses", false)]
    [InlineData("AddExport", false)]
    [InlineData("NoSuchMethod", false)]
    public void Trader_Spot(string method, bool allowed) => RoleAccess.AllowsSpot(FleetRole.Trader, method).ShouldBe(allowed);

    [Theory]
    [InlineData("GET", "/derivatives/api/v3/accounts", true)]
    [InlineData("POST", "/derivatives/api/v3/sendorder", true)]
    [InlineData("POST", "/derivatives/api/v3/cancelallordersafter", true)]
    [InlineData("GET", "/api/history/v2/account-log", true)]
    [InlineData("GET", "/api/history/v2/orders", true)]
    [InlineData("POST", "/derivatives/api/v3/withdrawal", false)]
    [InlineData("POST", "/derivatives/api/v3/transfer", false)]
    [InlineData("POST", "/derivatives/api/v3/transfer/subaccount", false)]
    [InlineData("PUT", "/derivatives/api/v3/leveragepreferences", false)]
    public void Trader_Futures(string verb, string path, bool allowed) => RoleAccess.AllowsFutures(FleetRole.Trader, verb, path).ShouldBe(allowed);

    [Fact]
    public void Treasury_MayMoveFunds_DashboardMayNotTrade()
    {
        RoleAccess.AllowsSpot(FleetRole.Treasury, "Withdraw").ShouldBeTrue();
        RoleAccess.AllowsSpot(FleetRole.Treasury, "AccountTransfer").ShouldBeTrue();
        RoleAccess.AllowsFutures(FleetRole.Treasury, "POST", "/derivatives/api/v3/transfer/subaccount").ShouldBeTrue();
        RoleAccess.AllowsSpot(FleetRole.Dashboard, "AddOrder").ShouldBeFalse();
        RoleAccess.AllowsSpot(FleetRole.Reconciler, "GetWebSocketsToken").ShouldBeFalse("a reconciler never streams");
    }

    [Fact]
    public void EveryRole_AllowsExactlyItsListedStateChanges()
    {
        // Whatever is not a read must be listed in the role's row to pass.
        foreach (var row in RolePermissions.All)
        {
            foreach (var method in SpotPermissions.PrivateMethods)
            {
                SpotPermissions.TryGetRequired(method, out var needed).ShouldBeTrue();
                var isRead = needed!.Value is SpotPermission.QueryFunds or SpotPermission.QueryOpenOrdersAndTrades
                    or SpotPermission.QueryClosedOrdersAndTrades or SpotPermission.QueryLedgerEntries or SpotPermission.AccessWebSocketsApi;
                if (!isRead)
                {
                    RoleAccess.AllowsSpot(row.Role, method).ShouldBe(row.SpotMethods.Contains(method), $"{row.Role} {method}");
                }

                if (row.SpotMethods.Contains(method))
                {
                    RoleAccess.AllowsSpot(row.Role, method).ShouldBeTrue($"{row.Role} {method}");
                }
            }
        }
    }
}
