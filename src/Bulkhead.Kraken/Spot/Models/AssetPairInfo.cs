namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One tradable pair with its precision, minimums and fee schedule.</summary>
/// <param name="Id">The pair's id, e.g. <c>XXBTZUSD</c>; tickers and books are keyed by it.</param>
/// <param name="AltName">The alternative name, e.g. <c>XBTUSD</c>; order descriptions use it.</param>
/// <param name="WebSocketName">The WebSocket name, e.g. <c>XBT/USD</c>; null when not listed.</param>
/// <param name="Base">The base asset id.</param>
/// <param name="Quote">The quote asset id.</param>
/// <param name="PriceDecimals">Decimal places of prices.</param>
/// <param name="LotDecimals">Decimal places of volumes.</param>
/// <param name="OrderMinimum">The smallest order volume, in the base asset; null when not listed.</param>
/// <param name="CostMinimum">The smallest order cost, in the quote asset; null when not listed.</param>
/// <param name="TickSize">The price increment; null when not listed.</param>
/// <param name="Status">The pair's status, e.g. <c>online</c>; null when not listed.</param>
/// <param name="TakerFees">The taker fee schedule.</param>
/// <param name="MakerFees">The maker fee schedule.</param>
public sealed record AssetPairInfo(
    string Id,
    string AltName,
    string? WebSocketName,
    string Base,
    string Quote,
    int PriceDecimals,
    int LotDecimals,
    decimal? OrderMinimum,
    decimal? CostMinimum,
    decimal? TickSize,
    string? Status,
    IReadOnlyList<FeeTier> TakerFees,
    IReadOnlyList<FeeTier> MakerFees)
{
    /// <summary>True when the pair trades normally.</summary>
    public bool IsOnline => string.Equals(Status, "online", StringComparison.Ordinal);
}
