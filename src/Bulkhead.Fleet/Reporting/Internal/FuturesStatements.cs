using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>
/// Reads one Futures account's statement with its reconciler key: the flex wallet's currencies and margin, the open
/// positions, every fill (paged back with <c>lastFillTime</c>) and the account log (flows; each execution's fee).
/// </summary>
internal static class FuturesStatements
{
    private const int LogPage = 1000;

    public static async Task<AccountStatement> ReadAsync(FuturesRestClient client, string account, bool isMaster, string process, CancellationToken cancellationToken)
    {
        var accounts = (await client.GetAccountsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var flex = accounts.Flex;
        var balances = flex.Currencies.Where(c => c.Value.Quantity != 0m)
            .ToDictionary(c => c.Key.ToUpperInvariant(), c => c.Value.Quantity, StringComparer.Ordinal);
        var margin = new FuturesMarginFigures(flex.PortfolioValue, flex.InitialMargin ?? 0m, flex.MaintenanceMargin ?? 0m, flex.AvailableMargin);

        var log = await AccountLogAsync(client, cancellationToken).ConfigureAwait(false);
        var flows = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var fees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in log.Where(e => string.Equals(e.MarginAccount, "flex", StringComparison.OrdinalIgnoreCase)))
        {
            if (IsFlow(entry.Info))
            {
                var asset = (entry.Asset ?? "usd").ToUpperInvariant();
                flows[asset] = flows.GetValueOrDefault(asset) + (entry.NewBalance ?? 0m) - (entry.OldBalance ?? 0m);
            }
            else if (entry.Execution is { } execution)
            {
                fees[execution] = fees.GetValueOrDefault(execution) + (entry.Fee ?? 0m);
            }
        }

        var fills = (await FillsAsync(client, cancellationToken).ConfigureAwait(false))
            .Select(f => new ExchangeFill(f.FillId, f.OrderId, f.Symbol, string.Equals(f.Side, "buy", StringComparison.OrdinalIgnoreCase) ? OrderSide.Buy : OrderSide.Sell,
                f.Size, f.Price, fees.GetValueOrDefault(f.FillId), f.FillTime ?? DateTimeOffset.MinValue))
            .OrderBy(f => f.Time).ThenBy(f => f.FillId, StringComparer.Ordinal)
            .ToList();

        var positions = (await client.GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .Where(p => p.Size != 0m)
            .Select(p => new FuturesExposure(p.Symbol, string.Equals(p.Side, "short", StringComparison.OrdinalIgnoreCase) ? -p.Size : p.Size, p.Price))
            .ToList();
        return new AccountStatement(account, Venue.Futures, isMaster, process, balances, flows, fills, positions, margin);
    }

    /// <summary>Transfers in or out (<c>admin transfer</c>, <c>transfer</c>, <c>subaccount transfer</c>, <c>cross-exchange transfer</c>…), deposits, withdrawals.</summary>
    private static bool IsFlow(string? info) =>
        info is not null && (info.Contains("transfer", StringComparison.OrdinalIgnoreCase)
            || info.Contains("deposit", StringComparison.OrdinalIgnoreCase)
            || info.Contains("withdraw", StringComparison.OrdinalIgnoreCase));

    private static async Task<List<FuturesFill>> FillsAsync(FuturesRestClient client, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, FuturesFill>(StringComparer.Ordinal);
        DateTimeOffset? before = null;
        while (true)
        {
            var page = (await client.GetFillsAsync(before, cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
            var added = page.Count(f => all.TryAdd(f.FillId, f));
            var oldest = page.Where(f => f.FillTime is not null).Select(f => f.FillTime!.Value).DefaultIfEmpty().Min();
            if (added == 0 || page.Count < 100 || oldest == default)
            {
                return [.. all.Values];
            }

            before = oldest;
        }
    }

    private static async Task<List<FuturesAccountLogEntry>> AccountLogAsync(FuturesRestClient client, CancellationToken cancellationToken)
    {
        var all = new Dictionary<long, FuturesAccountLogEntry>();
        DateTimeOffset? before = null;
        while (true)
        {
            var page = (await client.GetAccountLogAsync(before: before, count: LogPage, cancellationToken: cancellationToken).ConfigureAwait(false)).GetValueOrThrow().Logs;
            var added = page.Count(e => all.TryAdd(e.Id, e));
            var oldest = page.Where(e => e.Date is not null).Select(e => e.Date!.Value).DefaultIfEmpty().Min();
            if (added == 0 || page.Count < LogPage || oldest == default)
            {
                return [.. all.Values.OrderBy(e => e.Id)];
            }

            // Entries at exactly the boundary time are asked again with the next page (before is exclusive): the ids dedupe them.
            before = oldest.AddMilliseconds(1);
        }
    }
}
