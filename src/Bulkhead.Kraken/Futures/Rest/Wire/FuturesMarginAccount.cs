using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A single-collateral margin wallet (<c>accounts.fi_xbtusd</c> etc., <c>type: marginAccount</c>).</summary>
/// <param name="Currency">The collateral currency.</param>
/// <param name="Balances">Quantity per currency and per contract.</param>
/// <param name="Auxiliary">Portfolio value, available funds, funding.</param>
/// <param name="MarginRequirements">Initial and maintenance margin.</param>
internal sealed record FuturesMarginAccount(
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("balances")] IReadOnlyDictionary<string, decimal>? Balances,
    [property: JsonPropertyName("auxiliary")] FuturesMarginAuxiliary? Auxiliary,
    [property: JsonPropertyName("marginRequirements")] FuturesMarginRequirements? MarginRequirements);
