namespace Bulkhead.Kraken.Venues;

/// <summary>One instrument a venue lists.</summary>
/// <param name="Symbol">Its name for orders, fills and tickers (Spot: the pair's alternative name, <c>XBTUSD</c>; Futures: <c>PF_XBTUSD</c>).</param>
/// <param name="Base">The currency traded (Spot asset id, e.g. <c>XXBT</c>), when the venue says.</param>
/// <param name="Quote">The currency it is priced in (Spot asset id, e.g. <c>ZUSD</c>), when the venue says.</param>
/// <param name="TickSize">The price step (limit prices are multiples of it), when the venue says.</param>
/// <param name="QuantityStep">The quantity step (order quantities are multiples of it), when the venue says.</param>
/// <param name="MinimumQuantity">The smallest order quantity, when the venue says.</param>
/// <param name="Tradable">Whether orders are accepted on it now.</param>
public sealed record VenueInstrument(string Symbol, string? Base, string? Quote, decimal? TickSize, decimal? QuantityStep, decimal? MinimumQuantity, bool Tradable);
