namespace Bulkhead.Sandbox.Market;

/// <summary>
/// Recent best bid/ask of every book (Spot <c>Spread</c>): a sample is kept when the top of the book changed since the
/// previous one; at most <see cref="Capacity"/> per book (the oldest go first). Thread-safe.
/// </summary>
public sealed class SpreadLog
{
    /// <summary>Samples kept per book.</summary>
    public const int Capacity = 1_000;

    private readonly Dictionary<string, Queue<SpreadSample>> _books = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Records the top of <paramref name="symbol"/>'s book at <paramref name="time"/> unless it equals the last sample.</summary>
    public void Record(string symbol, DateTimeOffset time, decimal bid, decimal ask)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            if (!_books.TryGetValue(symbol, out var samples))
            {
                samples = new Queue<SpreadSample>();
                _books.Add(symbol, samples);
            }

            if (samples.Count > 0)
            {
                var last = samples.Last();
                if (last.Bid == bid && last.Ask == ask)
                {
                    return;
                }

                time = time < last.Time ? last.Time : time;
            }

            samples.Enqueue(new SpreadSample(time, bid, ask));
            while (samples.Count > Capacity)
            {
                samples.Dequeue();
            }
        }
    }

    /// <summary>Samples after <paramref name="since"/> (exclusive; null: all kept), oldest first.</summary>
    public IReadOnlyList<SpreadSample> Since(string symbol, DateTimeOffset? since)
    {
        lock (_gate)
        {
            return _books.TryGetValue(symbol, out var samples)
                ? [.. samples.Where(s => since is not { } from || s.Time > from)]
                : [];
        }
    }
}
