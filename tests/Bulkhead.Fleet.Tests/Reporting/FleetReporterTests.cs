using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;
using Bulkhead.Fleet.Tests.Reconciliation;
using static Bulkhead.Fleet.Tests.Reconciliation.Books;

namespace Bulkhead.Fleet.Tests.Reporting;

public sealed class FleetReporterTests
{
    [Fact]
    public void Build_ExampleFleet_PerStrategyPnlSumsToTheConsolidated_AndFuturesRiskIsReported()
    {
        var manifest = ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow();
        var mm = new[] { Fill("T1", OrderSide.Buy, 0.1m, 49_000m, 1m), Fill("T2", OrderSide.Sell, 0.04m, 51_000m, 0.5m, second: 1) };
        var momo = new[] { Fill("E1", OrderSide.Buy, 0.02m, 50_500m, 0.2m, account: "momo") with { Strategy = "momo" } };
        var hedge = new AccountStatement("hedge", Venue.Futures, false, "hedge-reconciler", new Dictionary<string, decimal> { ["USD"] = 30_000m },
            new Dictionary<string, decimal> { ["USD"] = 30_000m }, [], [new FuturesExposure("PF_XBTUSD", -2m, 50_500m)], new FuturesMarginFigures(31_000m, 2_000m, 1_000m, 29_000m));
        var statement = new FleetStatement("sandbox", Marks(), [Spot("desk", []), Spot("mm", mm), Spot("momo", momo), hedge],
            new FeeStatus("ZUSD", 12_000m, "XBTUSD", 0.4m, 0.25m, 10_000m, 0.35m, 50_000m));

        var report = FleetReporter.Build(manifest, statement, [.. mm, .. momo], T0);

        report.Strategies.Select(s => s.Strategy).ShouldBe(["mm", "momo", "hedge"]);
        report.Consolidated.PnlUsd.ShouldBe(report.Strategies.Sum(s => s.PnlUsd));
        report.Consolidated.PnlUsd.ShouldBe(138.5m + ((0.02m * (50_000m - 50_500m)) - 0.2m));
        report.Accounts.Single(a => a.Account == "hedge").UnrealisedUsd.ShouldBe(1_000m);
        report.Fees!.VolumeToNextTier.ShouldBe(38_000m);
        var risk = report.Risk.ShouldHaveSingleItem();
        risk.MarginLevel.ShouldBe(31m);
        risk.Positions.ShouldHaveSingleItem().LiquidationPrice.ShouldNotBeNull().ShouldBeGreaterThan(50_000m);
    }

    [Fact]
    public void OneReview_ReportAndReconciliationAgreeOnEveryPnlFigure()
    {
        var manifest = ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow();
        var mm = new[] { Fill("T1", OrderSide.Buy, 0.1m, 49_000m, 1m), Fill("T2", OrderSide.Sell, 0.04m, 51_000m, 0.5m, second: 1) };
        var review = new FleetReview(Books.Fleet(Spot("mm", mm)), mm, T0);

        var report = FleetReporter.Build(manifest, review);
        var reconciliation = Bulkhead.Fleet.Reconciliation.FleetReconciler.Compare(review);

        reconciliation.IsClean.ShouldBeTrue(string.Join("; ", reconciliation.Differences));
        report.Consolidated.PnlUsd.ShouldBe(reconciliation.StrategiesPnlUsd);
        report.Consolidated.ExchangePnlUsd.ShouldBe(reconciliation.ConsolidatedPnlUsd);
    }
}
