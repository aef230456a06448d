namespace Bulkhead.Sandbox.Market;

/// <summary>
/// The liquidity provider's quoting model: a ladder of <see cref="MarketOptions.DepthLevels"/> levels per side on a
/// fixed price grid. The grid step is <see cref="MarketOptions.LevelSpacingBps"/> of the price in ticks, rounded to the
/// nearest 1-2-5 number of ticks (at least one), so it changes only when the price moves a lot; the best bid is the
/// highest grid point at or below <c>reference − spread/2</c>, the best ask the lowest at or above <c>reference + spread/2</c>
/// (never equal). Because levels sit on the grid, a small move keeps most levels where they were, and re-quoting only
/// touches the edges. Each level is worth <see cref="MarketOptions.LevelNotionalUsd"/>, rounded down to the lot, and at
/// least the instrument's minimum volume and cost. Pure and deterministic.
/// </summary>
public sealed class LiquidityProvider
{
    private readonly int _levels;
    private readonly decimal _levelNotionalUsd;
    private readonly decimal _spreadBps;
    private readonly decimal _spacingBps;

    /// <summary>A model for <paramref name="options"/> (validated; the values are copied).</summary>
    public LiquidityProvider(MarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _levels = options.DepthLevels;
        _levelNotionalUsd = options.LevelNotionalUsd;
        _spreadBps = options.SpreadBps;
        _spacingBps = options.LevelSpacingBps;
    }

    /// <summary>The grid step of a book at <paramref name="reference"/>, in ticks (1, 2, 5, 10, 20, 50, …).</summary>
    public long SpacingTicks(MarketInstrument instrument, decimal reference)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var raw = _spacingBps / 10_000m * reference / instrument.TickSize;
        return NiceTicks(raw);
    }

    /// <summary>The ladder for <paramref name="instrument"/> around <paramref name="reference"/>; <paramref name="baseUsd"/> values the base asset for sizing.</summary>
    public QuoteLadder Quote(MarketInstrument instrument, decimal reference, decimal baseUsd)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseUsd);
        var tick = instrument.TickSize;
        var spacing = SpacingTicks(instrument, reference);
        var referenceTicks = reference / tick;
        var halfSpreadTicks = _spreadBps / 20_000m * referenceTicks;
        var bestBid = decimal.Floor((referenceTicks - halfSpreadTicks) / spacing) * spacing;
        var bestAsk = decimal.Ceiling((referenceTicks + halfSpreadTicks) / spacing) * spacing;
        if (bestAsk <= bestBid)
        {
            bestAsk = bestBid + spacing;
        }

        var bids = new List<MarketLevel>(_levels);
        var asks = new List<MarketLevel>(_levels);
        for (var i = 0; i < _levels; i++)
        {
            var bidTicks = bestBid - (i * spacing);
            if (bidTicks >= 1m)
            {
                var price = bidTicks * tick;
                bids.Add(new MarketLevel(price, Volume(instrument, price, baseUsd)));
            }

            var askPrice = (bestAsk + (i * spacing)) * tick;
            asks.Add(new MarketLevel(askPrice, Volume(instrument, askPrice, baseUsd)));
        }

        return new QuoteLadder(bids, asks);
    }

    /// <summary>A level's volume: the notional in the base asset, rounded down to the lot, raised to the minimum volume and cost.</summary>
    private decimal Volume(MarketInstrument instrument, decimal price, decimal baseUsd) =>
        MinimumVolume(instrument, price, MarketMath.FloorToLot(_levelNotionalUsd / baseUsd, instrument.LotDecimals));

    /// <summary><paramref name="volume"/> raised to the instrument's minimum volume and to the lot that meets its minimum cost at <paramref name="price"/>.</summary>
    internal static decimal MinimumVolume(MarketInstrument instrument, decimal price, decimal volume)
    {
        var least = Math.Max(instrument.MinVolume, MarketMath.CeilingToLot(instrument.MinCost / price, instrument.LotDecimals));
        return Math.Max(volume, least);
    }

    // The 1-2-5 number of ticks nearest (by ratio) to raw, at least 1.
    private static long NiceTicks(decimal raw)
    {
        if (raw <= 1m)
        {
            return 1;
        }

        long best = 1;
        var bestRatio = raw;
        for (long decade = 1; decade <= 1_000_000_000_000L; decade *= 10)
        {
            foreach (var mantissa in (ReadOnlySpan<long>)[1, 2, 5])
            {
                var candidate = mantissa * decade;
                var ratio = candidate > raw ? candidate / raw : raw / candidate;
                if (ratio < bestRatio)
                {
                    best = candidate;
                    bestRatio = ratio;
                }
            }

            if (decade > raw)
            {
                break;
            }
        }

        return best;
    }
}
