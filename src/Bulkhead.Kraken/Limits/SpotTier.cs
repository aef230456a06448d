namespace Bulkhead.Kraken.Limits;

/// <summary>Kraken Spot verification tier; it sets the REST counter and trading limits (shared/kraken/spot.md §3).</summary>
public enum SpotTier
{
    /// <summary>Starter: REST counter 15 decaying 0.33/s; trading threshold 60 decaying 1/s; 60 open orders per pair.</summary>
    Starter,

    /// <summary>Intermediate: REST counter 20 decaying 0.5/s; trading threshold 125 decaying 2.34/s; 80 open orders per pair.</summary>
    Intermediate,

    /// <summary>Pro: REST counter 20 decaying 1/s; trading threshold 180 decaying 3.75/s; 225 open orders per pair.</summary>
    Pro,
}
