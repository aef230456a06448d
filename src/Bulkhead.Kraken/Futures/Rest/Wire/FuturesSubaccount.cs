using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One subaccount (<c>GET /subaccounts</c>, <c>subaccounts[]</c>).</summary>
/// <param name="AccountUid">The subaccount's UID.</param>
/// <param name="Email">Its e-mail address.</param>
/// <param name="FullName">Its holder's name.</param>
/// <param name="HoldingAccounts">Cash-wallet holdings.</param>
/// <param name="FuturesAccounts">Single-collateral margin wallets.</param>
/// <param name="FlexAccount">The multi-collateral wallet.</param>
internal sealed record FuturesSubaccount(
    [property: JsonPropertyName("accountUid")] string AccountUid,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("fullName")] string? FullName,
    [property: JsonPropertyName("holdingAccounts")] IReadOnlyList<FuturesHolding>? HoldingAccounts,
    [property: JsonPropertyName("futuresAccounts")] IReadOnlyList<FuturesSubaccountMargin>? FuturesAccounts,
    [property: JsonPropertyName("flexAccount")] FuturesSubaccountFlex? FlexAccount);
