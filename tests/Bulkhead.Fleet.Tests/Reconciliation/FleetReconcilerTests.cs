using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Kraken.Venues;
using CsCheck;
using Shouldly;
using Xunit;
using static Bulkhead.Fleet.Tests.Reconciliation.Books;

namespace Bulkhead.Fleet.Tests.Reconciliation;

public sealed class FleetReconcilerTests
{
    private static readonly JournalFill[] Traded =
    [
        Fill("T1", OrderSide.Buy, 0.12345678m, 50_000.1m, 14.8148m),
        Fill("T2", OrderSide.Sell, 0.1m, 50_100.3m, 13.0260m, second: 1),
        Fill("T3", OrderSide.Sell, 0.05m, 49_990.7m, 6.4987m, second: 2),
    ];

    [Fact]
    public void Compare_SameFillsAndBooks_IsClean_AndStrategiesEqualTheConsolidatedPnl()
    {
        var result = FleetReconciler.Compare(Books.Fleet(Spot("mm", Traded)), Traded, T0);

        result.Differences.ShouldBeEmpty();
        result.IsClean.ShouldBeTrue();
        var mm = result.Accounts.Single(a => a.Account == "mm");
        mm.AllowanceUsd.ShouldBe(0.0003m);
        Math.Abs(mm.ExchangePnlUsd - mm.JournalPnlUsd).ShouldBeLessThanOrEqualTo(mm.AllowanceUsd);
        result.StrategiesPnlUsd.ShouldBe(mm.JournalPnlUsd);
        result.ConsolidatedPnlUsd.ShouldBe(mm.ExchangePnlUsd);
    }

    [Fact]
    public void Compare_DeletedFakeAndAlteredFills_ListsEachOnce()
    {
        var journal = new[] { Traded[0] with { Fee = 15m }, Traded[2], Fill("FAKE", OrderSide.Buy, 1m, 1m, 0m, second: 9) };

        var result = FleetReconciler.Compare(Books.Fleet(Spot("mm", Traded)), journal, T0);

        result.Differences.Where(d => d.Kind != DifferenceKind.Pnl && d.Kind != DifferenceKind.Consolidated)
            .Select(d => (d.Kind, d.FillId, d.Field, d.Journal, d.Exchange))
            .ShouldBe(
            [
                (DifferenceKind.Missing, "T2", null, null, "Sell 0.1 XBTUSD @ 50100.3 fee 13.0260"),
                (DifferenceKind.Extra, "FAKE", null, "Buy 1 XBTUSD @ 1 fee 0", null),
                (DifferenceKind.Mismatch, "T1", "fee", "15", "14.8148"),
            ]);
        result.IsClean.ShouldBeFalse();
    }

    [Fact]
    public void Compare_BooksOffByACentWithIdenticalFills_IsAPnlAndAConsolidatedDifference()
    {
        var books = Spot("mm", Traded);
        books = books with { Balances = new Dictionary<string, decimal>(books.Balances) { ["ZUSD"] = books.Balances["ZUSD"] - 0.01m } };

        var result = FleetReconciler.Compare(Books.Fleet(books), Traded, T0);

        result.Differences.Select(d => (d.Account, d.Kind)).ShouldBe([("mm", DifferenceKind.Pnl), (null, DifferenceKind.Consolidated)]);
        result.Differences[0].Message.ShouldContain("allowance 0.0003");
    }

    [Fact]
    public void Compare_FillOfAnAccountTheManifestDoesNotName_IsExtra()
    {
        var stray = Fill("S1", OrderSide.Buy, 0.01m, 50_000m, 0m, account: "gone");

        var result = FleetReconciler.Compare(Books.Fleet(Spot("mm", [])), [stray], T0);

        result.Consolidated.ShouldContain(d => d.Kind == DifferenceKind.Extra && d.Account == "gone" && d.FillId == "S1");
    }

    [Fact]
    public void Property_BooksKeptWithFlooredCosts_ReconcileCleanForAnyFills()
    {
        var fill =
            from side in Gen.Enum<OrderSide>()
            from quantity in Gen.Long[1, 50_000_000]
            from price in Gen.Long[100_000, 1_000_000]
            from feeBps in Gen.Int[0, 40]
            select (side, Quantity: quantity / 100_000_000m, Price: price / 10m, feeBps);
        fill.Array[0, 25].Sample(specs =>
        {
            var fills = specs.Select((s, i) =>
            {
                var cost = decimal.Floor(s.Quantity * s.Price * 10_000m) / 10_000m;
                return Fill($"T{i:D3}", s.side, s.Quantity, s.Price, decimal.Floor(cost * s.feeBps) / 100_000m, second: i);
            }).ToList();

            var result = FleetReconciler.Compare(Books.Fleet(Spot("mm", fills)), fills, T0);

            return result.IsClean && result.StrategiesPnlUsd == result.Accounts.Sum(a => a.JournalPnlUsd);
        }, iter: 300);
    }
}
