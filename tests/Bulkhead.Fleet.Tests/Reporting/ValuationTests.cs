using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;
using static Bulkhead.Fleet.Tests.Reconciliation.Books;

namespace Bulkhead.Fleet.Tests.Reporting;

public sealed class ValuationTests
{
    private static readonly FuturesMarginFigures Margin = new(PortfolioValue: 5_000m, InitialMargin: 1_000m, MaintenanceMargin: 500m, AvailableMargin: 4_000m);

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Liquidation_SinglePosition_IsWhereEquityMeetsMaintenance(int sign)
    {
        var position = new FuturesExposure("PF_XBTUSD", sign * 1m, 49_000m);

        var distance = Valuation.Liquidation(position, [position], Margin, Marks());

        var price = distance.LiquidationPrice.ShouldNotBeNull();
        (sign > 0 ? price < 50_000m : price > 50_000m).ShouldBeTrue($"{price}");
        var equity = Margin.PortfolioValue + (position.Size * (price - 50_000m));
        var maintenance = Margin.MaintenanceMargin * price / 50_000m;
        Math.Abs(equity - maintenance).ShouldBeLessThan(0.000001m);
        distance.DistanceUsd.ShouldBe(Math.Abs(price - 50_000m));
        distance.DistancePercent.ShouldBe(decimal.Round(Math.Abs(price - 50_000m) / 50_000m * 100m, 4));
    }

    [Fact]
    public void Liquidation_LongCoveredByCollateral_HasNone()
    {
        var position = new FuturesExposure("PF_XBTUSD", 0.1m, 50_000m);

        var distance = Valuation.Liquidation(position, [position], Margin with { PortfolioValue = 30_000m, MaintenanceMargin = 50m }, Marks());

        distance.LiquidationPrice.ShouldBeNull();
        distance.DistanceUsd.ShouldBeNull();
    }

    [Fact]
    public void Account_BalancesMinusFlowsAtTheMarks()
    {
        var books = Spot("mm", [Fill("T1", OrderSide.Buy, 0.1m, 49_000m, 1m)]);

        var report = Valuation.Account(books, Marks(50_000m));

        report.ValueUsd.ShouldBe(100_000m - 4_900m - 1m + 5_000m);
        report.NetFlowsUsd.ShouldBe(100_000m);
        report.ExchangePnlUsd.ShouldBe(99m);
        report.Balances.Select(b => b.Asset).ShouldBe(["XXBT", "ZUSD"]);
    }

    [Fact]
    public void Strategy_FoldsItsFillsAtTheMarks()
    {
        var report = Valuation.Strategy("mm", "mm", [Fill("T1", OrderSide.Buy, 0.1m, 49_000m, 1m), Fill("T2", OrderSide.Sell, 0.04m, 51_000m, 0.5m, second: 1)], Marks(50_000m));

        report.RealisedUsd.ShouldBe(80m);
        report.UnrealisedUsd.ShouldBe(60m);
        report.FeesUsd.ShouldBe(1.5m);
        report.PnlUsd.ShouldBe(138.5m);
        report.Positions.ShouldHaveSingleItem().Position.ShouldBe(0.06m);
    }
}
