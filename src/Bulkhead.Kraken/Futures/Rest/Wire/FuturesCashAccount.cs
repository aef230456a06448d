using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The cash (holding) wallet (<c>accounts.cash</c>, <c>type: cashAccount</c>).</summary>
/// <param name="Balances">Quantity per currency.</param>
internal sealed record FuturesCashAccount(
    [property: JsonPropertyName("balances")] IReadOnlyDictionary<string, decimal> Balances);
