using System.Collections.Concurrent;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>A limiter that grants everything and records what was booked.</summary>
internal sealed class RecordingRateLimiter(string name) : IRateLimiter
{
    private readonly ConcurrentQueue<decimal> _booked = new();

    public string Name { get; } = name;

    public IReadOnlyList<decimal> Booked => [.. _booked];

    public RateDecision TryAcquire(decimal cost)
    {
        _booked.Enqueue(cost);
        return RateDecision.Grant;
    }

    public RateHeadroom GetHeadroom() => new(Name, _booked.Sum(), 1000m);
}
