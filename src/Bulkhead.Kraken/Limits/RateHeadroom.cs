namespace Bulkhead.Kraken.Limits;

/// <summary>How much of a limit is in use right now.</summary>
/// <param name="Limiter">The limiter's name, e.g. <c>spot-rest</c> or <c>spot-trading/XBTUSD</c>.</param>
/// <param name="Used">The current level (counter value, cost in the window, tokens spent).</param>
/// <param name="Limit">The level at which the exchange refuses.</param>
public readonly record struct RateHeadroom(string Limiter, decimal Used, decimal Limit)
{
    /// <summary>What can still be spent now.</summary>
    public decimal Available => Limit - Used < 0 ? 0 : Limit - Used;

    /// <summary>Available as a fraction of the limit, 0 to 1.</summary>
    public decimal Fraction => Limit == 0 ? 0 : Available / Limit;
}
