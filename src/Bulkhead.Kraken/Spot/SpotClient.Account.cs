using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    /// <summary>Balances by asset id (<c>Balance</c>). Needs the Query Funds permission.</summary>
    public Task<KrakenResult<IReadOnlyDictionary<string, decimal>>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        PrivateAsync("Balance", null, AccountWire.Balances, cancellationToken);

    /// <summary>Balances with the amounts held by open orders, by asset id (<c>BalanceEx</c>).</summary>
    public Task<KrakenResult<IReadOnlyDictionary<string, AssetBalance>>> GetExtendedBalancesAsync(CancellationToken cancellationToken = default) =>
        PrivateAsync("BalanceEx", null, AccountWire.ExtendedBalances, cancellationToken);

    /// <summary>The account's margin summary (<c>TradeBalance</c>).</summary>
    /// <param name="asset">The asset to express it in; null for the exchange's default (ZUSD).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<TradeBalance>> GetTradeBalanceAsync(string? asset = null, CancellationToken cancellationToken = default) =>
        PrivateAsync("TradeBalance", asset is null ? null : [AccountWire.Asset(asset)], AccountWire.TradeBalance, cancellationToken);

    /// <summary>The account's own trades, newest first, 50 per page (<c>TradesHistory</c>; costs 2 on the REST counter).</summary>
    /// <param name="start">Only trades after this time.</param>
    /// <param name="end">Only trades up to this time.</param>
    /// <param name="offset">Skip this many results (paging).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<SpotPage<OwnTrade>>> GetTradesHistoryAsync(DateTimeOffset? start = null, DateTimeOffset? end = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        var p = new List<KeyValuePair<string, string>>();
        AccountWire.AddHistoryRange(p, start, end, offset);
        return PrivateAsync("TradesHistory", p, AccountWire.Trades, cancellationToken);
    }

    /// <summary>Ledger entries, newest first, 50 per page (<c>Ledgers</c>; costs 2 on the REST counter).</summary>
    /// <param name="asset">Only this asset (or a comma-separated list); null for all.</param>
    /// <param name="start">Only entries after this time.</param>
    /// <param name="end">Only entries up to this time.</param>
    /// <param name="offset">Skip this many results (paging).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<SpotPage<LedgerEntry>>> GetLedgersAsync(string? asset = null, DateTimeOffset? start = null, DateTimeOffset? end = null, int? offset = null, CancellationToken cancellationToken = default)
    {
        var p = new List<KeyValuePair<string, string>>();
        if (asset is not null)
        {
            p.Add(AccountWire.Asset(asset));
        }

        AccountWire.AddHistoryRange(p, start, end, offset);
        return PrivateAsync("Ledgers", p, AccountWire.Ledger, cancellationToken);
    }

    /// <summary>The 30-day volume and the current fees on the given pairs (<c>TradeVolume</c>).</summary>
    /// <param name="pairs">Pairs to report fees for; null or empty for the volume only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<TradeVolume>> GetTradeVolumeAsync(IEnumerable<string>? pairs = null, CancellationToken cancellationToken = default)
    {
        var list = pairs?.ToList() ?? [];
        return PrivateAsync("TradeVolume", list.Count > 0 ? [AccountWire.Pairs(list)] : null, AccountWire.TradeVolume, cancellationToken);
    }

    /// <summary>
    /// The 30-day volume and the current fees on instruments named with their asset class (<c>TradeVolume</c> with a JSON
    /// body, <c>pair</c> a list of <c>{asset, aclass}</c> objects): the form Kraken needs for non-forex classes, among them
    /// Futures contracts (<see cref="TradeVolumeAsset.Derivatives"/>), whose fees come from this endpoint since 22 June 2026.
    /// </summary>
    /// <param name="assets">The instruments to report fees for (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KrakenResult<TradeVolume>> GetTradeVolumeAsync(IEnumerable<TradeVolumeAsset> assets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var list = new System.Text.Json.Nodes.JsonArray();
        foreach (var asset in assets)
        {
            var item = new System.Text.Json.Nodes.JsonObject { ["asset"] = asset.Name };
            if (asset.AssetClass is { } aclass)
            {
                item["aclass"] = aclass;
            }

            list.Add(item);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("Name at least one instrument.", nameof(assets));
        }

        var answer = await SendPrivateJsonAsync("TradeVolume", new System.Text.Json.Nodes.JsonObject { ["pair"] = list }, safeToRepeat: true, cancellationToken).ConfigureAwait(false);
        return Read("TradeVolume", answer, AccountWire.TradeVolume);
    }

    /// <summary>A token for the authenticated WebSocket API (<c>GetWebSocketsToken</c>).</summary>
    public Task<KrakenResult<WebSocketsToken>> GetWebSocketsTokenAsync(CancellationToken cancellationToken = default) =>
        PrivateAsync("GetWebSocketsToken", null, AccountWire.WebSocketsToken, cancellationToken);
}
