namespace Bulkhead.Sandbox.Assets;

/// <summary>An asset the sandbox knows.</summary>
/// <param name="Id">Kraken's Spot asset id (<c>XXBT</c>, <c>ZUSD</c>).</param>
/// <param name="AltName">Kraken's altname (<c>XBT</c>, <c>USD</c>).</param>
/// <param name="Decimals">Decimals for amounts and balances.</param>
/// <param name="DisplayDecimals">Decimals Kraken displays.</param>
/// <param name="FuturesCurrency">The Futures currency name (<c>xbt</c>, <c>usd</c>).</param>
/// <param name="UsdPrice">An indicative USD price for valuing collateral and volume (part 2 replaces it with market prices).</param>
public sealed record SandboxAsset(string Id, string AltName, int Decimals, int DisplayDecimals, string FuturesCurrency, decimal UsdPrice);
