using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A single-collateral margin wallet's summary (<c>auxiliary</c>), in the wallet currency.</summary>
/// <param name="PortfolioValue"><c>pv</c>.</param>
/// <param name="ProfitAndLoss"><c>pnl</c>: unrealised profit and loss of open positions.</param>
/// <param name="AvailableFunds"><c>af</c>.</param>
/// <param name="Funding"><c>funding</c>.</param>
internal sealed record FuturesMarginAuxiliary(
    [property: JsonPropertyName("pv")] decimal PortfolioValue,
    [property: JsonPropertyName("pnl")] decimal? ProfitAndLoss,
    [property: JsonPropertyName("af")] decimal AvailableFunds,
    [property: JsonPropertyName("funding")] decimal? Funding);
