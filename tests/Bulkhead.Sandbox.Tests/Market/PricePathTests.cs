using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class PricePathTests
{
    [Fact]
    public void Step_SameSeedAndStream_GivesSamePath()
    {
        var a = new PricePath(90_000m, 0.001m, 0m, 7, "XXBT");
        var b = new PricePath(90_000m, 0.001m, 0m, 7, "XXBT");
        for (var i = 0; i < 1_000; i++)
        {
            a.Step().ShouldBe(b.Step());
        }

        a.Steps.ShouldBe(1_000);
    }

    [Fact]
    public void Step_DifferentSeedsOrStreams_Differ()
    {
        var a = Path(new PricePath(90_000m, 0.001m, 0m, 1, "XXBT"), 50);
        var b = Path(new PricePath(90_000m, 0.001m, 0m, 2, "XXBT"), 50);
        var c = Path(new PricePath(90_000m, 0.001m, 0m, 1, "XETH"), 50);
        a.ShouldNotBe(b);
        a.ShouldNotBe(c);
    }

    // Pinned so a change of generator, arithmetic or platform shows up: the path must be the same on every machine.
    [Fact]
    public void Step_Seed1_MatchesPinnedValues()
    {
        var path = new PricePath(90_000m, 0.0005m, 0m, 1, "XXBT");
        var values = Path(path, 5);
        values.ShouldBe(PinnedSeed1);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.004)]
    public void Step_Volatility_IsTheStandardDeviationOfRelativeMoves(double volatility)
    {
        var vol = (decimal)volatility;
        var deviation = RelativeMoveDeviation(new PricePath(100m, vol, 0m, 3, "XXBT"), 4_000);
        deviation.ShouldBeInRange(vol * 0.93m, vol * 1.07m);
    }

    [Fact]
    public void Step_FourTimesTheVolatility_MovesFourTimesAsMuch()
    {
        var low = RelativeMoveDeviation(new PricePath(100m, 0.001m, 0m, 9, "XXBT"), 2_000);
        var high = RelativeMoveDeviation(new PricePath(100m, 0.004m, 0m, 9, "XXBT"), 2_000);
        (high / low).ShouldBeInRange(3.9m, 4.1m);
    }

    [Fact]
    public void Step_ZeroVolatility_FollowsTheDrift()
    {
        var path = new PricePath(100m, 0m, 0.01m, 1, "XXBT");
        path.Step().ShouldBe(101m);
        path.Step().ShouldBe(102.01m);
    }

    [Fact]
    public void Step_MaximumVolatilityForLong_StaysPositive()
    {
        var path = new PricePath(1m, 0.05m, -0.01m, 5, "XXBT");
        for (var i = 0; i < 10_000; i++)
        {
            path.Step().ShouldBeGreaterThan(0m);
        }
    }

    [Theory]
    [InlineData(0, 0.001, 0)]
    [InlineData(100, -0.001, 0)]
    [InlineData(100, 0.051, 0)]
    [InlineData(100, 0.001, 0.011)]
    public void Constructor_OutOfRange_Throws(double start, double volatility, double drift) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new PricePath((decimal)start, (decimal)volatility, (decimal)drift, 1, "XXBT"));

    private static readonly decimal[] PinnedSeed1 = [89975.690804421902m, 89995.047787065762m, 90020.458852003214m, 90013.756980320067m, 90058.917052451118m];

    private static decimal[] Path(PricePath path, int steps) => [.. Enumerable.Range(0, steps).Select(_ => path.Step())];

    private static decimal RelativeMoveDeviation(PricePath path, int steps)
    {
        var moves = new List<double>(steps);
        var previous = path.Current;
        for (var i = 0; i < steps; i++)
        {
            var next = path.Step();
            moves.Add((double)((next / previous) - 1m));
            previous = next;
        }

        var mean = moves.Average();
        return (decimal)Math.Sqrt(moves.Sum(m => (m - mean) * (m - mean)) / (moves.Count - 1));
    }
}
