using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A subaccount's single-collateral margin wallet (<c>futuresAccounts[]</c>).</summary>
/// <param name="Name">Wallet name, e.g. <c>f-xbt:usd</c>.</param>
/// <param name="AvailableMargin">Available margin.</param>
internal sealed record FuturesSubaccountMargin(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("availableMargin")] decimal AvailableMargin);
