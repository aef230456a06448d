namespace Bulkhead.Kraken.Spot.Models;

/// <summary>What the exchange accepts right now.</summary>
public enum ExchangeStatus
{
    /// <summary>A status this client does not know.</summary>
    Unknown = 0,

    /// <summary>Fully operational.</summary>
    Online,

    /// <summary>Offline for maintenance: no trading, no API.</summary>
    Maintenance,

    /// <summary>Only cancels are accepted.</summary>
    CancelOnly,

    /// <summary>Only post-only limit orders and cancels are accepted.</summary>
    PostOnly,
}
