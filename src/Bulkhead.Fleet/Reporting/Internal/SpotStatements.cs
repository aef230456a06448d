using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>Reads one Spot account's statement with its reconciler key (balances, every ledger page, every trade page).</summary>
internal static class SpotStatements
{
    /// <summary>Ledger types that move money in or out of the account; every other type (trade, fee…) is P&amp;L.</summary>
    private static readonly HashSet<string> FlowTypes = new(StringComparer.OrdinalIgnoreCase) { "deposit", "withdrawal", "transfer" };

    public static async Task<AccountStatement> ReadAsync(SpotClient client, string account, bool isMaster, string process, SpotPairs pairs, CancellationToken cancellationToken)
    {
        var balances = (await client.GetBalancesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .Where(b => b.Value != 0m)
            .ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

        var flows = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in await AllAsync((offset, ct) => client.GetLedgersAsync(offset: offset, cancellationToken: ct), cancellationToken).ConfigureAwait(false))
        {
            if (FlowTypes.Contains(entry.Type))
            {
                flows[entry.Asset] = flows.GetValueOrDefault(entry.Asset) + entry.Amount - entry.Fee;
            }
        }

        var trades = await AllAsync((offset, ct) => client.GetTradesHistoryAsync(offset: offset, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        var fills = trades
            .DistinctBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new ExchangeFill(t.Id, t.OrderId, pairs.AltName(t.Pair), t.Side == OrderSide.Buy ? VenueSide.Buy : VenueSide.Sell, t.Volume, t.Price, t.Fee, t.Time))
            .OrderBy(f => f.Time).ThenBy(f => f.FillId, StringComparer.Ordinal)
            .ToList();
        return new AccountStatement(account, Venue.Spot, isMaster, process, balances, flows, fills, [], null);
    }

    /// <summary>Every page of an offset-paged Spot list (<see cref="SpotPaging"/>); a failed page throws.</summary>
    private static async Task<List<T>> AllAsync<T>(Func<int, CancellationToken, Task<Bulkhead.Kraken.Errors.KrakenResult<SpotPage<T>>>> page, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await foreach (var next in SpotPaging.PagesAsync(page, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(next.GetValueOrThrow().Items);
        }

        return all;
    }
}
