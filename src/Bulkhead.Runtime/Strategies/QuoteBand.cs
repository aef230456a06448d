using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// Where a market maker's quotes pay: a bid and an ask at least <see cref="SpreadBps"/> apart (relative to their own
/// mid), which is 2 × the maker fee + the edge, or the configured floor when wider — so a round trip (bought at the bid,
/// sold at the ask) earns at least the edge after both fees. The inventory skew moves both quotes by the same amount,
/// never so far that a quote comes nearer the mid than its own maker fee.
/// </summary>
internal readonly record struct QuoteBand(decimal MakerBps, decimal SpreadBps)
{
    /// <summary>The band for <paramref name="makerRate"/> (a fraction: 0.0025 for 0.25 %), <paramref name="edgeBps"/> and <paramref name="floorBps"/>.</summary>
    public static QuoteBand Of(decimal makerRate, decimal edgeBps, decimal floorBps)
    {
        var makerBps = Math.Max(0m, makerRate * 10_000m); // a rebate does not narrow the band
        return new QuoteBand(makerBps, Math.Max(floorBps, (2m * makerBps) + edgeBps));
    }

    /// <summary>The spread as a fraction of the mid.</summary>
    public decimal Width => SpreadBps / 10_000m;

    /// <summary>The bid and ask around <paramref name="mid"/>, skewed by <paramref name="inventory"/> (−1 short … +1 long, of the maximum).</summary>
    public (decimal Bid, decimal Ask) Quotes(decimal mid, decimal inventory)
    {
        var half = SpreadBps / 2m;
        var skew = Math.Clamp(inventory, -1m, 1m) * (half - MakerBps);
        return (mid * (1m - ((half + skew) / 10_000m)), mid * (1m + ((half - skew) / 10_000m)));
    }

    /// <summary>Whether a resting order at <paramref name="price"/> still pays its maker fee against <paramref name="mid"/>.</summary>
    public bool Pays(OrderSide side, decimal price, decimal mid) =>
        (side == OrderSide.Buy ? mid - price : price - mid) >= mid * MakerBps / 10_000m;

    /// <summary>The highest bid whose pair with a resting <paramref name="ask"/> is as wide as the band.</summary>
    public decimal HighestBidBelow(decimal ask) => ask * (1m - (Width / 2m)) / (1m + (Width / 2m));

    /// <summary>The lowest ask whose pair with a resting <paramref name="bid"/> is as wide as the band.</summary>
    public decimal LowestAskAbove(decimal bid) => bid * (1m + (Width / 2m)) / (1m - (Width / 2m));
}
