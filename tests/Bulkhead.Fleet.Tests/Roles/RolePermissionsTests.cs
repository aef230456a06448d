using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Roles;

public sealed class RolePermissionsTests
{
    [Fact]
    public void All_HasOneRowPerRole() =>
        RolePermissions.All.Select(r => r.Role).ShouldBe(Enum.GetValues<FleetRole>());

    [Fact]
    public void Dashboard_QueryFundsAndOpenOrdersOnly()
    {
        RolePermissions.Of(FleetRole.Dashboard).Spot.ShouldBe(SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades);
        RolePermissions.Of(FleetRole.Dashboard).Futures.ShouldBe(FuturesPermission.ReadOnly);
    }

    [Fact]
    public void Reconciler_NeverOrdersNorWithdraws()
    {
        var r = RolePermissions.Of(FleetRole.Reconciler);
        (r.Spot & (SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders | SpotPermission.WithdrawFunds)).ShouldBe(SpotPermission.None);
        r.Futures.ShouldBe(FuturesPermission.ReadOnly);
    }

    [Fact]
    public void OnlyTreasury_WithdrawsAndOnlyOnTheMaster()
    {
        foreach (var r in RolePermissions.All)
        {
            var withdraws = r.Spot.HasFlag(SpotPermission.WithdrawFunds) || r.Futures.HasFlag(FuturesPermission.Withdrawal);
            withdraws.ShouldBe(r.Role == FleetRole.Treasury, r.Role.ToString());
            r.MasterOnly.ShouldBe(r.Role == FleetRole.Treasury, r.Role.ToString());
        }
    }

    [Fact]
    public void Trader_PlacesAndCancelsButNeverMovesFunds()
    {
        var r = RolePermissions.Of(FleetRole.Trader);
        r.Spot.ShouldBe(SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades | SpotPermission.QueryClosedOrdersAndTrades | SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders);
        r.Futures.ShouldBe(FuturesPermission.ReadOnly | FuturesPermission.Full);
    }

    [Fact]
    public void FlattenerAndReplayer_AreMinimal()
    {
        // The flattener journals the fills of its closing orders (TradesHistory), so it reads closed trades too.
        RolePermissions.Of(FleetRole.Flattener).Spot.ShouldBe(SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades | SpotPermission.QueryClosedOrdersAndTrades | SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders);
        RolePermissions.Of(FleetRole.Replayer).Spot.ShouldBe(SpotPermission.QueryOpenOrdersAndTrades | SpotPermission.QueryClosedOrdersAndTrades | SpotPermission.ExportData);
        RolePermissions.Of(FleetRole.Replayer).Futures.ShouldBe(FuturesPermission.ReadOnly);
    }

    [Theory]
    [InlineData("sendorder", FuturesPermission.Full)]
    [InlineData("POST /derivatives/api/v3/cancelallordersafter", FuturesPermission.Full)]
    [InlineData("GET openpositions", FuturesPermission.ReadOnly)]
    [InlineData("/derivatives/api/v3/accounts", FuturesPermission.ReadOnly)]
    [InlineData("POST withdrawal", FuturesPermission.Withdrawal)]
    [InlineData("PUT leveragepreferences", FuturesPermission.Full)]
    [InlineData("GET leveragepreferences", FuturesPermission.ReadOnly)]
    [InlineData("PUT /derivatives/api/v3/subaccount/7f5c/trading-enabled", FuturesPermission.Full)]
    public void FuturesAccess_MapsEndpoints(string endpoint, FuturesPermission expected) =>
        FuturesAccess.Required(endpoint).ShouldBe(expected);

    [Fact]
    public void Docs_RenderTheTableExactly()
    {
        var doc = File.ReadAllText(Manifests.DocPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        doc.ShouldContain(RoleTable.ToMarkdown(), customMessage: "docs/fleet.md's role table differs from RolePermissions: paste RoleTable.ToMarkdown() into it");
    }
}
