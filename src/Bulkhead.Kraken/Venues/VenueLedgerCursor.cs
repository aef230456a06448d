namespace Bulkhead.Kraken.Venues;

/// <summary>
/// A position in an account's ledger, as the transport that handed it out encodes it: keep it (it is plain text, safe to
/// store) and pass it back to <see cref="ILedgerVenue.GetLedgerAsync"/> to read only what was booked after it.
/// </summary>
/// <param name="Value">The transport's encoding; opaque to callers.</param>
public readonly record struct VenueLedgerCursor(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
