namespace Bulkhead.Kraken.Venues;

/// <summary>
/// One change to one currency's balance in one wallet. Kraken's convention on both venues: the balance moves by
/// <see cref="Amount"/> − <see cref="Fee"/>.
/// </summary>
/// <param name="EntryId">The venue's id for the entry.</param>
/// <param name="Reference">What booked it (Spot <c>refid</c>, Futures <c>booking_uid</c>), when known; the legs of one event share it.</param>
/// <param name="Time">When it was booked.</param>
/// <param name="Kind">What booked it.</param>
/// <param name="WalletKind">What the wallet is for.</param>
/// <param name="Wallet">The wallet, as the venue names it.</param>
/// <param name="Currency">The currency, as the venue writes it (Futures: upper case).</param>
/// <param name="Amount">The signed amount before the fee (Futures: the realised profit and loss of a fill, the funding paid or received).</param>
/// <param name="Fee">The fee taken from the balance.</param>
/// <param name="Balance">The balance after the entry, when reported.</param>
/// <param name="FillId">The fill it books (a trade or liquidation), when the venue names it.</param>
/// <param name="Symbol">The instrument it concerns (a fill, a funding payment), when the venue names it.</param>
public sealed record VenueLedgerEntry(
    string EntryId,
    string? Reference,
    DateTimeOffset Time,
    VenueLedgerKind Kind,
    WalletKind WalletKind,
    string Wallet,
    string Currency,
    decimal Amount,
    decimal Fee,
    decimal? Balance,
    string? FillId,
    string? Symbol)
{
    /// <summary>How the balance moved: <see cref="Amount"/> − <see cref="Fee"/>.</summary>
    public decimal Change => Amount - Fee;
}
