using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One step of an instrument's margin ladder (<c>marginLevels[]</c>).</summary>
/// <param name="Contracts">Lower bound in contracts (inverse contracts).</param>
/// <param name="NotionalFrom">Lower bound in USD notional (<c>numNonContractUnits</c>, linear contracts).</param>
/// <param name="InitialMargin">Initial margin rate (0.02 = 2 %).</param>
/// <param name="MaintenanceMargin">Maintenance margin rate.</param>
internal sealed record FuturesMarginLevel(
    [property: JsonPropertyName("contracts")] decimal? Contracts,
    [property: JsonPropertyName("numNonContractUnits")] decimal? NotionalFrom,
    [property: JsonPropertyName("initialMargin")] decimal InitialMargin,
    [property: JsonPropertyName("maintenanceMargin")] decimal MaintenanceMargin);
