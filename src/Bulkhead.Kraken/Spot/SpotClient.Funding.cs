using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    /// <summary>
    /// Withdraws to a withdrawal key set up on the account (<c>Withdraw</c>); returns the reference id. Never retried
    /// automatically. Subaccounts cannot withdraw.
    /// </summary>
    /// <param name="asset">The asset id, e.g. <c>XXBT</c>.</param>
    /// <param name="key">The withdrawal key's name, as set up on the account.</param>
    /// <param name="amount">The amount; positive.</param>
    /// <param name="address">The address, when the key has several; null otherwise.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<string>> WithdrawAsync(string asset, string key, decimal amount, string? address = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return PrivateAsync("Withdraw", FundingWire.Withdraw(asset, key, amount, address), FundingWire.ReferenceId, cancellationToken);
    }

    /// <summary>Moves funds from the spot wallet to the futures wallet (<c>WalletTransfer</c>); returns the reference id. Never retried automatically.</summary>
    /// <param name="asset">The asset id.</param>
    /// <param name="amount">The amount; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<string>> WalletTransferAsync(string asset, decimal amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return PrivateAsync("WalletTransfer", FundingWire.WalletTransfer(asset, amount), FundingWire.ReferenceId, cancellationToken);
    }

    /// <summary>Creates a subaccount (<c>CreateSubaccount</c>; master key with Withdraw Funds, institutional accounts only).</summary>
    /// <param name="username">The subaccount's user name.</param>
    /// <param name="email">The subaccount's email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<bool>> CreateSubaccountAsync(string username, string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return PrivateAsync("CreateSubaccount", FundingWire.CreateSubaccount(username, email), FundingWire.Created, cancellationToken);
    }

    /// <summary>Moves funds between the master account and a subaccount (<c>AccountTransfer</c>; instant and free). Never retried automatically.</summary>
    /// <param name="asset">The asset id.</param>
    /// <param name="amount">The amount; positive.</param>
    /// <param name="from">The source account's identifier (its IIBAN on Kraken).</param>
    /// <param name="to">The destination account's identifier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<AccountTransferResult>> AccountTransferAsync(string asset, decimal amount, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        return PrivateAsync("AccountTransfer", FundingWire.AccountTransfer(asset, amount, from, to), FundingWire.AccountTransfer, cancellationToken);
    }
}
