namespace Bulkhead.Runtime.Strategies;

/// <summary>Mid prices over a trailing window, for "how far has the price moved over the lookback" signals.</summary>
internal sealed class PriceWindow
{
    private readonly Queue<(DateTimeOffset Time, decimal Price)> _samples = new();
    private readonly TimeSpan _lookback;

    public PriceWindow(TimeSpan lookback) => _lookback = lookback;

    /// <summary>Adds a sample; drops those older than needed for the reference price.</summary>
    public void Add(DateTimeOffset time, decimal price)
    {
        _samples.Enqueue((time, price));
        while (_samples.Count > 1 && time - _samples.ElementAt(1).Time >= _lookback)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>The move from the price one lookback ago to the latest, in basis points; null until the window spans the lookback.</summary>
    public decimal? MoveBps()
    {
        if (_samples.Count < 2)
        {
            return null;
        }

        var (firstTime, first) = _samples.Peek();
        var (lastTime, last) = _samples.Last();
        return lastTime - firstTime < _lookback || first <= 0m ? null : (last - first) / first * 10_000m;
    }
}
