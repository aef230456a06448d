namespace Bulkhead.Fleet.Manifest;

/// <summary>Kraken's two venues; each has its own accounts, keys and permissions.</summary>
public enum Venue
{
    /// <summary>Kraken Spot (api.kraken.com).</summary>
    Spot,

    /// <summary>Kraken Futures (futures.kraken.com).</summary>
    Futures,
}
