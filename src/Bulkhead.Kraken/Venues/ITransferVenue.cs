using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// Moving money between the derivatives wallets and (sub)accounts of one venue. Wallets are named by what they are for
/// (<see cref="WalletKind.Holding"/>, <see cref="WalletKind.Margin"/>); the transport spells them. Transfers are never
/// resent by the transport after an unclear failure: check balances (or the ledger) before trying again.
/// </summary>
public interface ITransferVenue
{
    /// <summary>Moves <paramref name="amount"/> of <paramref name="currency"/> between two wallets of the calling account.</summary>
    Task<KrakenResult<VenueTransferAck>> TransferBetweenWalletsAsync(WalletKind fromWallet, WalletKind toWallet, string currency, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>Moves money between the master account and a subaccount, or between two subaccounts.</summary>
    Task<KrakenResult<VenueTransferAck>> TransferToSubaccountAsync(string fromUser, string toUser, WalletKind fromWallet, WalletKind toWallet, string currency, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>Moves money out of the derivatives account to the same user's Spot wallet. <paramref name="fromWallet"/> null: the venue's default wallet.</summary>
    Task<KrakenResult<VenueTransferAck>> WithdrawToSpotAsync(string currency, decimal amount, WalletKind? fromWallet = null, CancellationToken cancellationToken = default);

    /// <summary>The calling master account's subaccounts.</summary>
    Task<KrakenResult<IReadOnlyList<VenueSubaccount>>> ListSubaccountsAsync(CancellationToken cancellationToken = default);
}
