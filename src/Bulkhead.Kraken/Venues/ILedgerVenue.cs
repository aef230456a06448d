using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// The ledger of one account of one venue: every change to every wallet's balances (fills, fees, funding, transfers,
/// deposits, withdrawals), read incrementally from a cursor.
/// </summary>
public interface ILedgerVenue
{
    /// <summary>
    /// Every entry booked after <paramref name="after"/> (null: the whole history the venue keeps), oldest first, paged
    /// through by the transport, and the cursor after the last one. A failed page fails the whole read.
    /// </summary>
    Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default);

    /// <summary>The cursor after the newest entry, without reading the history: a read from it returns only what is booked from now on.</summary>
    Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default);
}
