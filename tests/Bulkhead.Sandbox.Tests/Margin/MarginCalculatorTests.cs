using Bulkhead.Sandbox.Margin;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

public sealed class MarginCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static MarkPriceBoard Prices(decimal xbt = 100_000m, decimal eth = 3_000m)
    {
        var board = new MarkPriceBoard();
        board.Set("PF_XBTUSD", xbt);
        board.Set("PF_ETHUSD", eth);
        return board;
    }

    private static MarginAccountState State(decimal usd, params FuturesPosition[] positions) =>
        new(new Dictionary<string, decimal> { ["ZUSD"] = usd }, positions, []);

    private static FuturesPosition Long(string symbol, decimal size, decimal price) => new(symbol, size, size * price, T0);

    [Theory]
    [InlineData(0, 0.02, 0.01)]
    [InlineData(499_999, 0.02, 0.01)]
    [InlineData(500_000, 0.04, 0.02)]
    [InlineData(2_000_000, 0.10, 0.05)]
    [InlineData(40_000_000, 0.50, 0.25)]
    public void Level_ByNotional_PicksTheRungOfTheWholePosition(decimal notional, decimal initial, decimal maintenance)
    {
        var level = MarginCalculator.Level(notional);
        level.InitialMargin.ShouldBe(initial);
        level.MaintenanceMargin.ShouldBe(maintenance);
    }

    [Fact]
    public void Summarise_LongAtMark_EquityMarginAndAvailable()
    {
        var summary = MarginCalculator.Summarise(State(10_000m, Long("PF_XBTUSD", 1m, 95_000m)), Prices());
        summary.BalanceValue.ShouldBe(10_000m);
        summary.UnrealisedPnl.ShouldBe(5_000m);
        summary.Equity.ShouldBe(15_000m);
        summary.InitialMargin.ShouldBe(2_000m);
        summary.MaintenanceMargin.ShouldBe(1_000m);
        summary.AvailableMargin.ShouldBe(13_000m);
        summary.BelowMaintenance.ShouldBeFalse();
    }

    [Fact]
    public void Summarise_NonUsdCollateral_ValuedAtIndex()
    {
        var board = Prices();
        board.Set("PF_XBTUSD", 100_000m, 99_000m);
        var state = new MarginAccountState(new Dictionary<string, decimal> { ["XXBT"] = 0.5m, ["ZUSD"] = -100m }, [], []);
        MarginCalculator.Summarise(state, board).BalanceValue.ShouldBe(49_400m);
    }

    [Fact]
    public void Summarise_OpenOrders_CountTheWorseSideOnly()
    {
        var state = State(10_000m, Long("PF_XBTUSD", 1m, 100_000m)) with
        {
            Orders = [new MarginOrder("PF_XBTUSD", -1m), new MarginOrder("PF_XBTUSD", 0.5m), new MarginOrder("PF_ETHUSD", -10m)],
        };
        var summary = MarginCalculator.Summarise(state, Prices());
        summary.InitialMargin.ShouldBe(2_000m);
        summary.InitialMarginWithOrders.ShouldBe(3_000m + 600m);   // XBT long 1.5 → 3,000 (the sell only flattens); ETH 10 × 3,000 × 2 %
    }

    [Fact]
    public void Check_TooLargeOrder_Refused_ReducingOrder_AlwaysAccepted()
    {
        var state = State(1_000m, Long("PF_XBTUSD", 0.4m, 100_000m));   // IM 800, equity 1,000
        var prices = Prices();
        MarginCalculator.Check(state, prices, new MarginOrder("PF_XBTUSD", 0.1m)).Accepted.ShouldBeTrue();   // IM 1,000
        MarginCalculator.Check(state, prices, new MarginOrder("PF_XBTUSD", 0.2m)).Accepted.ShouldBeFalse();  // IM 1,200
        prices.Set("PF_XBTUSD", 98_000m);                                                                     // equity 200
        MarginCalculator.Check(state, prices, new MarginOrder("PF_XBTUSD", -0.4m)).Accepted.ShouldBeTrue();
        MarginCalculator.Check(state, prices, new MarginOrder("PF_XBTUSD", 0.0001m), fee: 1_000m).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void BelowMaintenance_WhenLossEatsEquity()
    {
        var state = State(2_000m, Long("PF_XBTUSD", 1m, 100_000m));     // MM 1% of notional
        MarginCalculator.Summarise(state, Prices(xbt: 99_000m)).BelowMaintenance.ShouldBeFalse();  // equity 1,000 ≥ MM 990
        MarginCalculator.Summarise(state, Prices(xbt: 98_900m)).BelowMaintenance.ShouldBeTrue();   // equity 900 < MM 989
        MarginCalculator.Summarise(State(0m), Prices()).BelowMaintenance.ShouldBeFalse();
    }

    [Theory]
    [InlineData(2, -3, -2)]
    [InlineData(2, -1, -1)]
    [InlineData(2, 1, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(-1.5, 4, 1.5)]
    public void ReduceOnlyQuantity_TrimsToThePosition(decimal position, decimal requested, decimal allowed) =>
        MarginCalculator.ReduceOnlyQuantity(position, requested).ShouldBe(allowed);

    /// <summary>Isolation: an account's figures are a function of its own state — another account's state can be anything.</summary>
    [Fact]
    public void Summarise_OtherAccountsAnything_ThisAccountUnchanged()
    {
        var position = Gen.Select(Gen.OneOfConst("PF_XBTUSD", "PF_ETHUSD"), Gen.Int[-50_000, 50_000], Gen.Int[1_000, 120_000])
            .Select((s, q, p) => new FuturesPosition(s, q / 10_000m, q / 10_000m * p, T0));
        var state = Gen.Select(Gen.Int[0, 1_000_000], position.Array[0, 3], Gen.Select(Gen.OneOfConst("PF_XBTUSD", "PF_ETHUSD"), Gen.Int[-10_000, 10_000]).Array[0, 4])
            .Select((usd, ps, os) => new MarginAccountState(new Dictionary<string, decimal> { ["ZUSD"] = usd }, ps, [.. os.Select(o => new MarginOrder(o.Item1, o.Item2 / 1_000m))]));
        Gen.Select(state, state.Array[0, 5]).Sample((mine, others) =>
        {
            var prices = Prices();
            var alone = MarginCalculator.Summarise(mine, prices);
            var world = others.Prepend(mine).Select(s => MarginCalculator.Summarise(s, prices)).ToList();
            world[0].ShouldBe(alone);
        });
    }
}
