using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Transport;

/// <summary>What a look-up by client order id found: the order's result, or nothing (<see cref="Outcome"/> null: it did not land).</summary>
internal sealed record LandedOrder<T>(KrakenResult<T>? Outcome)
{
    public static LandedOrder<T> NotLanded { get; } = new((KrakenResult<T>?)null);
}
