using Bulkhead.Sandbox.Margin;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

public sealed class FuturesPositionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_OpenThenAdd_AveragesEntryAndRealisesNothing()
    {
        var p = FuturesPosition.Flat("PF_XBTUSD", T0).Apply(1m, 90_000m, T0, 4);
        p.RealisedPnl.ShouldBe(0m);
        var q = p.Position.Apply(1m, 92_000m, T0, 4);
        q.Position.Size.ShouldBe(2m);
        q.Position.EntryPrice.ShouldBe(91_000m);
        q.Opened.ShouldBe(1m);
        q.Position.UnrealisedPnl(90_000m).ShouldBe(-2_000m);
    }

    [Fact]
    public void Apply_ReduceLong_RealisesProportionalPnl()
    {
        var p = FuturesPosition.Flat("PF_XBTUSD", T0).Apply(2m, 90_000m, T0, 4).Position;
        var r = p.Apply(-0.5m, 95_000m, T0, 4);
        r.RealisedPnl.ShouldBe(2_500m);
        r.Closed.ShouldBe(0.5m);
        r.Position.Size.ShouldBe(1.5m);
        r.Position.EntryPrice.ShouldBe(90_000m);
    }

    [Fact]
    public void Apply_ShortThenBuyMore_FlipsAndRealisesTheShort()
    {
        var p = FuturesPosition.Flat("PF_ETHUSD", T0).Apply(-2m, 3_000m, T0, 4).Position;
        var r = p.Apply(3m, 2_900m, T0, 4);
        r.RealisedPnl.ShouldBe(200m);
        r.Closed.ShouldBe(2m);
        r.Opened.ShouldBe(1m);
        r.Position.Size.ShouldBe(1m);
        r.Position.EntryPrice.ShouldBe(2_900m);
    }

    [Fact]
    public void Apply_PartialCloseOfThirds_RoundsRealisedAndKeepsResidueInCost()
    {
        var p = FuturesPosition.Flat("PF_XBTUSD", T0).Apply(1m, 100m, T0, 4).Position.Apply(2m, 101m, T0, 4).Position; // cost 302
        var r = p.Apply(-1m, 100m, T0, 4);                 // share 100.6666…, realised −0.6667
        r.RealisedPnl.ShouldBe(-0.6667m);
        r.Position.Cost.ShouldBe(201.3333m);
        var closed = r.Position.Apply(-2m, 100m, T0, 4);
        (r.RealisedPnl + closed.RealisedPnl).ShouldBe(-2m);  // total: bought 302, sold 300
        closed.Position.IsFlat.ShouldBeTrue();
        closed.Position.Cost.ShouldBe(0m);
    }

    [Fact]
    public void Apply_ZeroQuantity_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FuturesPosition.Flat("PF_XBTUSD", T0).Apply(0m, 1m, T0, 4));

    /// <summary>
    /// Path independence: whatever order the same fills come in, realised plus unrealised P&amp;L at any mark equals the
    /// fills' cash flows plus the final position at mark — exactly, rounding included (PF_XBTUSD: size 4 decimals, whole prices).
    /// </summary>
    [Fact]
    public void Apply_AnyOrderOfTheSameFills_TotalPnlIsTheCashFlowIdentity()
    {
        var fill = Gen.Select(Gen.Int[-30_000, 30_000].Where(q => q != 0), Gen.Int[80_000, 100_000]).Select((q, p) => (Quantity: q / 10_000m, Price: (decimal)p));
        Gen.Select(fill.Array[1, 30], Gen.Int[80_000, 100_000], Gen.Int[0, int.MaxValue]).Sample((fills, mark, seed) =>
        {
            var shuffled = fills.OrderBy(_ => new Random(seed).Next()).ToArray();
            var expected = fills.Sum(f => -f.Quantity * f.Price) + (fills.Sum(f => f.Quantity) * mark);
            Total(fills, mark).ShouldBe(expected);
            Total(shuffled, mark).ShouldBe(expected);
        });

        static decimal Total((decimal Quantity, decimal Price)[] fills, decimal mark)
        {
            var position = FuturesPosition.Flat("PF_XBTUSD", T0);
            var realised = 0m;
            foreach (var (quantity, price) in fills)
            {
                var applied = position.Apply(quantity, price, T0, 4);
                realised += applied.RealisedPnl;
                position = applied.Position;
                (position.Size == 0m ? position.Cost == 0m : Math.Sign(position.Cost) == Math.Sign(position.Size)).ShouldBeTrue();
                decimal.Round(realised, 4).ShouldBe(realised);
            }

            return realised + position.UnrealisedPnl(mark);
        }
    }
}
