namespace Bulkhead.Sandbox.Assets;

/// <summary>A Spot asset pair the sandbox lists (Kraken's <c>AssetPairs</c> fields).</summary>
/// <param name="Id">The market id and AssetPairs key (<c>XXBTZUSD</c>).</param>
/// <param name="AltName">Kraken's altname (<c>XBTUSD</c>).</param>
/// <param name="WsName">The WebSocket name (<c>XBT/USD</c>).</param>
/// <param name="Base">Base asset id (<c>XXBT</c>).</param>
/// <param name="Quote">Quote asset id (<c>ZUSD</c>).</param>
/// <param name="PairDecimals">Price decimals.</param>
/// <param name="CostDecimals">Cost decimals.</param>
/// <param name="LotDecimals">Volume decimals.</param>
/// <param name="OrderMin">Minimum order volume.</param>
/// <param name="CostMin">Minimum order cost in the quote asset.</param>
/// <param name="TickSize">Price increment.</param>
/// <param name="Leverage">Leverage levels offered (empty: no margin).</param>
public sealed record SandboxPair(
    string Id,
    string AltName,
    string WsName,
    string Base,
    string Quote,
    int PairDecimals,
    int CostDecimals,
    int LotDecimals,
    decimal OrderMin,
    decimal CostMin,
    decimal TickSize,
    IReadOnlyList<int> Leverage);
