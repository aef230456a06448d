using Bulkhead.Sandbox.Market.Internal;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// A seeded geometric random walk in decimal: each step multiplies the price by <c>1 + drift + volatility × Z</c>, Z an
/// approximately standard normal number (Irwin–Hall, |Z| ≤ 6) from a generator that uses integer arithmetic only, so
/// one seed and stream name give the same path on every machine. The multiplier stays positive (volatility ≤ 0.05,
/// |drift| ≤ 0.01), so the price never reaches zero. Not thread-safe.
/// </summary>
public sealed class PricePath
{
    private const int Scale = 12;
    private readonly DeterministicRandom _random;
    private readonly decimal _volatility;
    private readonly decimal _drift;

    /// <summary>A path starting at <paramref name="start"/>.</summary>
    /// <param name="start">The price before the first step (positive).</param>
    /// <param name="volatility">Standard deviation of one step's relative move, in [0, 0.05].</param>
    /// <param name="drift">Mean relative move per step, in [-0.01, 0.01].</param>
    /// <param name="seed">The seed.</param>
    /// <param name="stream">The path's name (an asset id): paths of one seed with different names are independent.</param>
    public PricePath(decimal start, decimal volatility, decimal drift, long seed, string stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfNegative(volatility);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volatility, 0.05m);
        ArgumentOutOfRangeException.ThrowIfLessThan(drift, -0.01m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drift, 0.01m);
        _random = new DeterministicRandom(seed, stream);
        _volatility = volatility;
        _drift = drift;
        Start = start;
        Current = start;
    }

    /// <summary>The price before the first step.</summary>
    public decimal Start { get; }

    /// <summary>The price after the last step (12 decimals; round to a tick before quoting).</summary>
    public decimal Current { get; private set; }

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Advances one step and answers the new price.</summary>
    public decimal Step()
    {
        // The normal draw is taken even at zero volatility, so the stream stays aligned whatever the options.
        var move = _drift + (_volatility * _random.NextNormal());
        var next = Math.Round(Current * (1m + move), Scale, MidpointRounding.ToEven);
        Current = next > 0m ? next : Current;
        Steps++;
        return Current;
    }
}
