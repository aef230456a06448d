using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Where the fleet's last read of one account stopped, and what it had added up: the ledger cursor, the sums of every
/// entry read so far by what booked it, the balance after the last entry of each wallet and currency (to tell that the
/// next entries continue the same history), and every fill read so far. A read from it asks the exchange only for what
/// was booked after (<see cref="AccountStatements.ReadAsync(IAccountVenue, Manifest.Venue, string, bool, string, StatementProgress, CancellationToken)"/>).
/// </summary>
/// <param name="LedgerCursor">Where the next ledger read starts; null: at the beginning.</param>
/// <param name="NetFlows">Asset → Σ deposits, withdrawals and transfers read so far.</param>
/// <param name="Funding">Asset → Σ funding read so far.</param>
/// <param name="OtherBookings">Asset → Σ other bookings read so far.</param>
/// <param name="LastBalances">Wallet/currency (<see cref="BalanceKey"/>) → the balance after the last entry read.</param>
/// <param name="Fills">Every fill read so far, with its fee.</param>
public sealed record StatementProgress(
    VenueLedgerCursor? LedgerCursor,
    IReadOnlyDictionary<string, decimal> NetFlows,
    IReadOnlyDictionary<string, decimal> Funding,
    IReadOnlyDictionary<string, decimal> OtherBookings,
    IReadOnlyDictionary<string, decimal> LastBalances,
    IReadOnlyList<VenueFill> Fills)
{
    /// <summary>Nothing read yet: the next read is the whole history.</summary>
    public static StatementProgress Start { get; } = new(null, Empty(), Empty(), Empty(), Empty(), []);

    /// <summary>The key of a wallet's currency in <see cref="LastBalances"/>.</summary>
    public static string BalanceKey(VenueLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Wallet + "/" + entry.Currency.ToUpperInvariant();
    }

    private static Dictionary<string, decimal> Empty() => new(StringComparer.Ordinal);
}
