using System.Globalization;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    private static void MapHistory(IEndpointRouteBuilder routes)
    {
        // ccxt and Kraken.Net call v3; older documentation lists v2. Same answer.
        foreach (var version in new[] { "v2", "v3" })
        {
            routes.MapGet($"/api/history/{version}/account-log", Handler(context => HistoryAsync(context, AccountLog)));
            routes.MapGet($"/api/history/{version}/orders", Handler(context => HistoryAsync(context, HistoryOrders, "orders")));
            routes.MapGet($"/api/history/{version}/executions", Handler(context => HistoryAsync(context, HistoryExecutions, "executions")));
            routes.MapGet($"/api/history/{version}/triggers", Handler(context => HistoryAsync(context, (call, count) => HistoryPage(call, count, []), "triggers")));
        }
    }

    /// <summary>
    /// Runs a history endpoint: no <c>result</c> envelope; authentication refusals are 401 <c>{status,reason}</c>, an empty
    /// token pool 429 text with <c>rate-limit-reset</c> (futures.md §2.2, §3.3).
    /// </summary>
    private static async Task<IResult> HistoryAsync(HttpContext context, Func<FuturesCall, int, IResult> handler, string endpoint = "account-log")
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        try
        {
            if (await FaultAsync(context, time).ConfigureAwait(false) is { } fault)
            {
                return fault;
            }

            var (request, body) = await ReadAsync(context).ConfigureAwait(false);
            if (request is null)
            {
                return FuturesWire.Error(time, KrakenErrors.FuturesBadRequest, StatusCodes.Status400BadRequest);
            }

            var count = request["count"] is { } text
                ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000 ? n : -1
                : FuturesLimits.AccountLogDefaultCount;
            var cost = FuturesLimits.HistoryCost(endpoint, count < 0 ? FuturesLimits.AccountLogDefaultCount : count);
            var outcome = Authenticate(context, body, FuturesScope.ReadOnly, RateBudget.FuturesHistory, cost);
            if (outcome.Failure == AuthFailure.RateLimited)
            {
                return FuturesWire.HistoryRateLimited(outcome.RetryAfter);
            }

            if (!outcome.Success)
            {
                return FuturesWire.HistoryUnauthorized();
            }

            try
            {
                if (count < 0 || request.Duplicate is not null)
                {
                    return FuturesWire.Error(time, $"{KrakenErrors.FuturesInvalidArgument}: {(count < 0 ? "count" : request.Duplicate)}", StatusCodes.Status400BadRequest);
                }

                return handler(new FuturesCall(request, outcome.Key, outcome.Account, context.RequestServices.GetRequiredService<SandboxExchange>(), time), count);
            }
            finally
            {
                await MakeNonceDurableAsync(context, outcome).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesServerError);
        }
    }

    /// <summary>
    /// <c>GET /api/history/v3/account-log</c> from the ledger entries of the account's Futures wallets, numbered from 1 in
    /// booking order. <c>info</c>: deposits and withdrawals by the admin API → <c>admin transfer</c>; a transfer whose other
    /// side is in the same account (cash ↔ flex, Futures ↔ Spot) → <c>transfer</c>; one with another account →
    /// <c>subaccount transfer</c>. Filters: <c>since</c>/<c>before</c> (ms), <c>from</c>/<c>to</c> (ids), <c>info</c>, <c>sort</c> (default desc), <c>count</c>.
    /// </summary>
    private static IResult AccountLog(FuturesCall call, int count)
    {
        var r = call.Request;
        var name = call.Account.Name;
        var all = AllEntries(call.Exchange, name);
        var refs = all.GroupBy(e => e.RefId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var futures = all.Where(e => e.Wallet is Wallet.FuturesCash or Wallet.FuturesFlex).OrderBy(e => e.Sequence).ToList();
        if (!TryMillis(r["since"], out var since) || !TryMillis(r["before"], out var before) || !TryLong(r["from"], out var fromId) || !TryLong(r["to"], out var toId))
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidArgument, StatusCodes.Status400BadRequest);
        }

        var ascending = string.Equals(r["sort"], "asc", StringComparison.OrdinalIgnoreCase);
        var trades = call.Exchange.Trades(name, TradingVenue.Futures).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var liquidations = call.Exchange.ClosedOrders(name, TradingVenue.Futures).Where(o => o.Reason == SandboxExchange.LiquidationReason).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var logs = futures.Select((e, i) => (Id: i + 1L, Entry: e, Info: trades.TryGetValue(e.RefId, out var t) && liquidations.Contains(t.OrderId) ? "futures liquidation" : Info(e, refs)))
            .Where(x => since is null || x.Entry.Time >= since)
            .Where(x => before is null || x.Entry.Time < before)
            .Where(x => fromId is null || x.Id >= fromId)
            .Where(x => toId is null || x.Id <= toId)
            .Where(x => r["info"] is not { } info || string.Equals(info, x.Info, StringComparison.OrdinalIgnoreCase));
        logs = ascending ? logs : logs.Reverse();
        return FuturesWire.Json(new JsonObject
        {
            ["accountUid"] = call.Account.FuturesUid.ToString(),
            ["logs"] = new JsonArray([.. logs.Take(count).Select(x => LogEntry(x.Id, x.Entry, x.Info, trades.GetValueOrDefault(x.Entry.RefId), x.Entry.Type == LedgerEntryType.Funding ? call.Exchange.FundingOf(x.Entry.RefId) : null))]),
        });
    }

    /// <summary>
    /// One log line; a futures trade's cash leg also names its contract, price, realised P&amp;L and execution; a funding
    /// line its contract, <c>realized_funding</c> and the absolute <c>funding_rate</c> charged (null after a restart).
    /// </summary>
    private static JsonObject LogEntry(long id, LedgerEntry e, string info, SandboxTrade? trade, FundingRate? funding)
    {
        var asset = AssetCatalog.Find(e.Asset);
        var funded = e.Type == LedgerEntryType.Funding ? SandboxExchange.FundedSymbol(e.RefId) : null;
        return new JsonObject
        {
            ["id"] = id,
            ["date"] = FuturesWire.Time(e.Time),
            ["asset"] = asset?.FuturesCurrency ?? e.Asset.ToLowerInvariant(),
            ["info"] = info,
            ["booking_uid"] = e.RefId,
            ["margin_account"] = FuturesWallets.Name(e.Wallet),
            ["old_balance"] = FuturesWire.Number(e.Balance - e.Amount + e.Fee),
            ["new_balance"] = FuturesWire.Number(e.Balance),
            ["old_average_entry_price"] = null,
            ["new_average_entry_price"] = null,
            ["trade_price"] = trade is null ? null : FuturesWire.Number(trade.Price),
            ["mark_price"] = null,
            ["realized_pnl"] = trade is null ? null : FuturesWire.Number(e.Amount),
            ["fee"] = FuturesWire.Number(e.Fee),
            ["execution"] = trade is null ? null : FuturesOrderWire.FillUid(trade),
            ["collateral"] = asset?.AltName,
            ["contract"] = (trade?.Symbol ?? funded)?.ToLowerInvariant(),
            ["funding_rate"] = funding is null ? null : FuturesWire.Number(funding.Absolute),
            ["realized_funding"] = funded is null ? null : FuturesWire.Number(e.Amount),
            ["conversion_spread_percentage"] = null,
            ["liquidation_fee"] = null,
        };
    }

    private static string Info(LedgerEntry e, Dictionary<string, int> legsInAccount) => e.Type switch
    {
        LedgerEntryType.Deposit or LedgerEntryType.Withdrawal => "admin transfer",
        LedgerEntryType.Transfer => legsInAccount[e.RefId] > 1 ? "transfer" : "subaccount transfer",
        LedgerEntryType.Trade => "futures trade",
        LedgerEntryType.Funding => "funding rate change",
        _ => "kfee applied",
    };

    private static List<LedgerEntry> AllEntries(SandboxExchange exchange, string account)
    {
        const int Page = 1000;
        var all = new List<LedgerEntry>();
        for (var offset = 0; ; offset += Page)
        {
            var page = exchange.Ledger(account, new LedgerQuery(Offset: offset, Limit: Page));
            all.AddRange(page);
            if (page.Count < Page)
            {
                return all;
            }
        }
    }

    private static bool TryMillis(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (!TryLong(text, out var ms))
        {
            return false;
        }

        if (ms is { } value)
        {
            if (value > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(value);
        }

        return true;
    }

    private static bool TryLong(string? text, out long? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
