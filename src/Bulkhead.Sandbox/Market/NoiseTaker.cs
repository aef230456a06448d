using Bulkhead.Sandbox.Market.Internal;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// Noise takers: with probability <see cref="MarketOptions.NoiseRate"/> per book and step, a small immediate-or-cancel
/// order on a random side worth 0.5× to 1.5× <see cref="MarketOptions.NoiseNotionalUsd"/>, limited to
/// <c>reference ± (spread/2 + 3 grid steps)</c>, so trades print and resting orders near the touch (users' included)
/// get filled. One seeded stream per book; every call draws the same count of numbers, so changing the rate does not
/// reshuffle sides or sizes. Not thread-safe.
/// </summary>
public sealed class NoiseTaker
{
    private readonly Dictionary<string, DeterministicRandom> _streams = new(StringComparer.Ordinal);
    private readonly long _seed;
    private readonly decimal _rate;
    private readonly decimal _notionalUsd;
    private readonly decimal _spreadBps;
    private readonly LiquidityProvider _grid;

    /// <summary>Noise for <paramref name="options"/> (validated; the values are copied).</summary>
    public NoiseTaker(MarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _seed = options.Seed;
        _rate = options.NoiseRate;
        _notionalUsd = options.NoiseNotionalUsd;
        _spreadBps = options.SpreadBps;
        _grid = new LiquidityProvider(options);
    }

    /// <summary>This step's noise order for <paramref name="instrument"/>, or null.</summary>
    public NoiseOrder? Next(MarketInstrument instrument, decimal reference, decimal baseUsd)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseUsd);
        if (!_streams.TryGetValue(instrument.Symbol, out var random))
        {
            random = new DeterministicRandom(_seed, "noise:" + instrument.Symbol);
            _streams.Add(instrument.Symbol, random);
        }

        var fire = random.NextBool(_rate);
        var buy = random.NextBool(0.5m);
        var scale = 0.5m + random.NextUniform();
        if (!fire)
        {
            return null;
        }

        var tick = instrument.TickSize;
        var reach = (_spreadBps / 20_000m * reference) + (3 * _grid.SpacingTicks(instrument, reference) * tick);
        var limit = buy
            ? decimal.Ceiling((reference + reach) / tick) * tick
            : Math.Max(decimal.Floor((reference - reach) / tick), 1m) * tick;
        var volume = LiquidityProvider.MinimumVolume(instrument, limit, MarketMath.FloorToLot(_notionalUsd * scale / baseUsd, instrument.LotDecimals));
        return new NoiseOrder(instrument.Symbol, buy, volume, limit);
    }
}
