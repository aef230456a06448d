namespace Bulkhead.Sandbox.Market;

/// <summary>Where a book lives.</summary>
public enum MarketVenue
{
    /// <summary>A Spot pair (<c>XXBTZUSD</c>).</summary>
    Spot,

    /// <summary>A Futures perpetual (<c>PF_XBTUSD</c>).</summary>
    Futures,
}
