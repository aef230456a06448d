namespace Bulkhead.Runtime.Venues;

/// <summary>The top of one book and its mark, as a strategy sees it on each poll.</summary>
/// <param name="Symbol">The pair or contract as the strategy names it (<c>XBTUSD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="Bid">Best bid.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="Last">Last trade price (the mid when none printed).</param>
/// <param name="Mark">The price positions are valued at: the Futures mark price, the Spot mid.</param>
/// <param name="Time">When it was read.</param>
public sealed record MarketQuote(string Symbol, decimal Bid, decimal Ask, decimal Last, decimal Mark, DateTimeOffset Time)
{
    /// <summary>(bid + ask) / 2.</summary>
    public decimal Mid => (Bid + Ask) / 2m;
}
