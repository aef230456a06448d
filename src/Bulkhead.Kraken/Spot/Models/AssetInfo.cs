namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One asset as the exchange lists it.</summary>
/// <param name="Id">The asset's id, e.g. <c>XXBT</c>.</param>
/// <param name="AltName">The alternative name, e.g. <c>XBT</c>.</param>
/// <param name="Decimals">Decimal places used for balances and amounts.</param>
/// <param name="DisplayDecimals">Decimal places shown to humans.</param>
/// <param name="Status">The asset's status, e.g. <c>enabled</c>; null when not reported.</param>
public sealed record AssetInfo(string Id, string AltName, int Decimals, int DisplayDecimals, string? Status);
