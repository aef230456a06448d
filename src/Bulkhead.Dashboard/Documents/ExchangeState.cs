namespace Bulkhead.Dashboard.Documents;

/// <summary>Whether the exchange (the environment's Spot and Futures URLs) answered the dashboard's last public read.</summary>
/// <param name="Reachable">True when the last read of the marks succeeded.</param>
/// <param name="Error">Why not, when it did not.</param>
/// <param name="CheckedAt">When it was last asked (null: not yet).</param>
public sealed record ExchangeState(bool Reachable, string? Error, DateTimeOffset? CheckedAt);
