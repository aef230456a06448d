namespace Bulkhead.Kraken.Venues;

/// <summary>Ledger entries read in one go, oldest first, and where the next read starts.</summary>
/// <param name="Entries">The entries booked after the cursor asked for, oldest first.</param>
/// <param name="Cursor">The position after the last entry (the cursor asked for when there was none): pass it to the next read.</param>
public sealed record VenueLedger(IReadOnlyList<VenueLedgerEntry> Entries, VenueLedgerCursor Cursor);
