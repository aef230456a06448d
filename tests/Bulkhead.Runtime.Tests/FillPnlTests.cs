using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests;

public sealed class FillPnlTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BuyThenSellHigher_RealisesTheDifferenceLessFees()
    {
        var p = FillPnl.Fold([Fill("1", OrderSide.Buy, 2m, 100m, 0.5m), Fill("2", OrderSide.Sell, 2m, 110m, 0.5m)])["XBTUSD"];

        p.Position.ShouldBe(0m);
        p.Realised.ShouldBe(20m);
        p.Fees.ShouldBe(1m);
        p.Pnl(999m).ShouldBe(19m);
    }

    [Fact]
    public void FlipFromLongToShort_OpensTheRemainderAtTheFillPrice()
    {
        var p = FillPnl.Fold([Fill("1", OrderSide.Buy, 1m, 100m), Fill("2", OrderSide.Sell, 3m, 90m)])["XBTUSD"];

        p.Position.ShouldBe(-2m);
        p.AverageCost.ShouldBe(90m);
        p.Realised.ShouldBe(-10m);
        p.Unrealised(80m).ShouldBe(20m);
    }

    [Fact]
    public void Pnl_EqualsTheMarkToMarketOfEveryCashFlow()
    {
        var fill = Gen.Select(Gen.Bool, Gen.Int[1, 500], Gen.Int[9_000, 11_000], Gen.Int[0, 50]);
        Gen.Select(fill.List[1, 40], Gen.Int[9_000, 11_000]).Sample((fills, mark) =>
        {
            var journal = fills.Select((f, i) => Fill(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), f.Item1 ? OrderSide.Buy : OrderSide.Sell, f.Item2 / 100m, f.Item3 / 10m, f.Item4 / 100m)).ToList();
            var cash = journal.Sum(f => (f.Side == OrderSide.Buy ? -1m : 1m) * f.Quantity * f.Price) - journal.Sum(f => f.Fee);
            var position = journal.Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity);
            var m = mark / 10m;

            var folded = FillPnl.Fold(journal)["XBTUSD"];
            folded.Position.ShouldBe(position);
            decimal.Round(folded.Pnl(m), 10).ShouldBe(decimal.Round(cash + (position * m), 10));
        });
    }

    private static JournalFill Fill(string id, OrderSide side, decimal quantity, decimal price, decimal fee = 0m) =>
        new("mm", "mm", "mm-trader", Venue.Spot, "XBTUSD", id, "O" + id, side, quantity, price, fee, "ZUSD", T0.AddSeconds(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
}
