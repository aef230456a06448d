using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One account-log entry (history API <c>/account-log</c>, <c>logs[]</c>).</summary>
/// <param name="Id">Entry id (from 1).</param>
/// <param name="Date">When.</param>
/// <param name="Asset">The asset moved.</param>
/// <param name="Info">Entry kind (<c>futures trade</c>, <c>transfer</c>, …).</param>
/// <param name="BookingUid">Booking id.</param>
/// <param name="MarginAccount">The wallet.</param>
/// <param name="Contract">The contract, lowercase.</param>
/// <param name="OldBalance">Balance before.</param>
/// <param name="NewBalance">Balance after.</param>
/// <param name="Fee">Fee charged.</param>
/// <param name="RealisedProfitAndLoss"><c>realized_pnl</c>.</param>
/// <param name="RealisedFunding"><c>realized_funding</c>.</param>
/// <param name="TradePrice">Trade price.</param>
/// <param name="MarkPrice">Mark price.</param>
internal sealed record FuturesAccountLogEntry(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("date")] DateTimeOffset? Date,
    [property: JsonPropertyName("asset")] string? Asset,
    [property: JsonPropertyName("info")] string? Info,
    [property: JsonPropertyName("booking_uid")] string? BookingUid,
    [property: JsonPropertyName("margin_account")] string? MarginAccount,
    [property: JsonPropertyName("contract")] string? Contract,
    [property: JsonPropertyName("old_balance")] decimal? OldBalance,
    [property: JsonPropertyName("new_balance")] decimal? NewBalance,
    [property: JsonPropertyName("fee")] decimal? Fee,
    [property: JsonPropertyName("realized_pnl")] decimal? RealisedProfitAndLoss,
    [property: JsonPropertyName("realized_funding")] decimal? RealisedFunding,
    [property: JsonPropertyName("trade_price")] decimal? TradePrice,
    [property: JsonPropertyName("mark_price")] decimal? MarkPrice)
{
    /// <summary>The execution (the fill's <c>fill_id</c>) a trade entry books; null for transfers.</summary>
    [JsonPropertyName("execution")]
    public string? Execution { get; init; }
}
