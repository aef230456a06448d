namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>The <c>instrument</c> channel's reference data: assets and tradable pairs.</summary>
/// <param name="Assets">The assets (empty on the Unified WebSocket).</param>
/// <param name="Pairs">The pairs or contracts.</param>
public sealed record InstrumentSnapshot(IReadOnlyList<InstrumentAsset> Assets, IReadOnlyList<InstrumentPair> Pairs);

/// <summary>An asset of the <c>instrument</c> channel.</summary>
/// <param name="Id">The asset's v2 name (<c>BTC</c>).</param>
/// <param name="Status">Its status as Kraken names it.</param>
/// <param name="Precision">Decimals of amounts.</param>
public sealed record InstrumentAsset(string Id, string Status, int Precision);

/// <summary>A pair (or derivatives contract) of the <c>instrument</c> channel: what a client needs to format and check orders.</summary>
/// <param name="Symbol">The symbol (<c>BTC/USD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="Base">The base asset.</param>
/// <param name="Quote">The quote asset.</param>
/// <param name="Status">Its status as Kraken names it (<c>online</c>, <c>cancel_only</c>, …).</param>
/// <param name="PricePrecision">Decimals of prices.</param>
/// <param name="PriceIncrement">The price step.</param>
/// <param name="QuantityPrecision">Decimals of quantities.</param>
/// <param name="QuantityIncrement">The quantity step.</param>
/// <param name="QuantityMinimum">The smallest order quantity.</param>
public sealed record InstrumentPair(
    string Symbol,
    string Base,
    string Quote,
    string Status,
    int PricePrecision,
    decimal PriceIncrement,
    int QuantityPrecision,
    decimal QuantityIncrement,
    decimal QuantityMinimum)
{
    /// <summary>The smallest order cost (Spot), or null.</summary>
    public decimal? CostMinimum { get; init; }

    /// <summary>The initial margin fraction (marginable pairs, derivatives), or null.</summary>
    public decimal? MarginInitial { get; init; }

    /// <summary>The contract size (derivatives), or null.</summary>
    public decimal? ContractSize { get; init; }
}
