namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The exchange's operating state.</summary>
/// <param name="Status">The state.</param>
/// <param name="Timestamp">When the server reported it.</param>
public sealed record SystemStatus(ExchangeStatus Status, DateTimeOffset Timestamp);
