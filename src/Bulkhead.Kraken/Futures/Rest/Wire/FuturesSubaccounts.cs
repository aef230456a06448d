using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The master account and its subaccounts (<c>GET /subaccounts</c>).</summary>
/// <param name="MasterAccountUid">The calling master account's UID.</param>
/// <param name="Subaccounts">Its subaccounts.</param>
internal sealed record FuturesSubaccounts(
    [property: JsonPropertyName("masterAccountUid")] string? MasterAccountUid,
    [property: JsonPropertyName("subaccounts")] IReadOnlyList<FuturesSubaccount> Subaccounts);
