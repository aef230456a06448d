namespace Bulkhead.Sandbox.Keys;

/// <summary>Which API a key belongs to: Kraken's Spot and Futures keys are separate.</summary>
public enum KeyVenue
{
    /// <summary>A Spot key (<c>API-Key</c>/<c>API-Sign</c>).</summary>
    Spot = 0,

    /// <summary>A Futures key (<c>APIKey</c>/<c>Authent</c>).</summary>
    Futures,
}
