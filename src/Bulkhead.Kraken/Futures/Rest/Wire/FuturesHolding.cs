using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A cash-wallet holding of a subaccount (<c>holdingAccounts[]</c>).</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Amount">The amount.</param>
internal sealed record FuturesHolding(
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("amount")] decimal Amount);
