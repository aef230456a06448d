using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Reads one account's <see cref="AccountStatement"/>, on either venue, only through <see cref="IAccountVenue"/>: balances
/// (every wallet, per currency), the ledger (money moved in or out), every fill with its fee (<see cref="IFillVenue"/>:
/// the fees the runtime journals), the open positions and the margin wallet's figures.
/// </summary>
public static class AccountStatements
{
    /// <summary>Reads <paramref name="account"/> through <paramref name="venue"/> (opened with its reconciler key).</summary>
    /// <exception cref="Kraken.Errors.KrakenException">The exchange refused a read.</exception>
    public static async Task<AccountStatement> ReadAsync(IAccountVenue venue, Venue kind, string account, bool isMaster, string process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var held = (await venue.GetBalancesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var balances = held.Balances
            .GroupBy(b => b.Currency.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(g => (Currency: g.Key, Quantity: g.Sum(b => b.Quantity)))
            .Where(b => b.Quantity != 0m)
            .ToDictionary(b => b.Currency, b => b.Quantity, StringComparer.Ordinal);
        var margin = held.Margin is { } m ? new FuturesMarginFigures(m.PortfolioValue, m.InitialMargin ?? 0m, m.MaintenanceMargin ?? 0m, m.AvailableMargin) : null;

        var flows = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var ledger = (await venue.GetLedgerAsync(null, cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        foreach (var entry in ledger.Entries.Where(e => IsFlow(e.Kind)))
        {
            var currency = entry.Currency.ToUpperInvariant();
            flows[currency] = flows.GetValueOrDefault(currency) + entry.Change;
        }

        var fills = (await venue.GetFillsAsync(VenueFillQuery.All, cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .OrderBy(f => f.Time).ThenBy(f => f.FillId, StringComparer.Ordinal)
            .ToList();
        var positions = (await venue.GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .Where(p => p.Size != 0m)
            .Select(p => new FuturesExposure(p.Symbol, p.Side == PositionSide.Short ? -p.Size : p.Size, p.AveragePrice))
            .ToList();
        return new AccountStatement(account, kind, isMaster, process, balances, flows, fills, positions, margin);
    }

    /// <summary>Money moved in or out of the account: deposits, withdrawals, transfers (between accounts, or Spot ↔ Futures). Every other entry is profit and loss.</summary>
    private static bool IsFlow(VenueLedgerKind kind) => kind is VenueLedgerKind.Deposit or VenueLedgerKind.Withdrawal or VenueLedgerKind.Transfer;
}
