using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A page of the account log (<c>GET /api/history/v3/account-log</c>).</summary>
/// <param name="AccountUid">The account.</param>
/// <param name="Logs">Entries.</param>
internal sealed record FuturesAccountLog(
    [property: JsonPropertyName("accountUid")] string? AccountUid,
    [property: JsonPropertyName("logs")] IReadOnlyList<FuturesAccountLogEntry> Logs);
