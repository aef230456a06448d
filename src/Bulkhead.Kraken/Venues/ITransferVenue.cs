using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// Moving money between wallets and (sub)accounts of one venue. Transfers are never resent by the transport after an
/// unclear failure: check balances before trying again.
/// </summary>
public interface ITransferVenue
{
    /// <summary>Moves <paramref name="amount"/> of <paramref name="currency"/> between two wallets of the calling account.</summary>
    Task<KrakenResult<VenueTransferAck>> TransferBetweenWalletsAsync(string fromWallet, string toWallet, string currency, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>Moves money between the master account and a subaccount, or between two subaccounts.</summary>
    Task<KrakenResult<VenueTransferAck>> TransferToSubaccountAsync(string fromUser, string toUser, string fromWallet, string toWallet, string currency, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>Moves money out of the derivatives account to the same user's spot wallet. <paramref name="fromWallet"/> null: the venue's default wallet.</summary>
    Task<KrakenResult<VenueTransferAck>> WithdrawToSpotAsync(string currency, decimal amount, string? fromWallet = null, CancellationToken cancellationToken = default);

    /// <summary>The calling master account's subaccounts.</summary>
    Task<KrakenResult<IReadOnlyList<VenueSubaccount>>> ListSubaccountsAsync(CancellationToken cancellationToken = default);
}
