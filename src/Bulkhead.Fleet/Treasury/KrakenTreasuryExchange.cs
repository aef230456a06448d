using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// The treasury's exchange: the master's Spot key (<c>treasury</c>: AccountTransfer, WalletTransfer, Withdraw, Ledgers)
/// and, for Futures subaccounts, the master's derivatives account (<c>treasury-futures</c>) through the venue surface:
/// <see cref="ITransferVenue"/> to move money, <see cref="ILedgerVenue"/> to find it again. Spot steps are found again in
/// the master's Spot ledger, Futures subaccount transfers in the master's derivatives ledger (its holding wallet).
/// </summary>
/// <param name="master">The master account's manifest name.</param>
/// <param name="spot">The master's Spot client.</param>
/// <param name="futures">The master's derivatives account (transfers and ledger); null when no step needs it.</param>
/// <param name="iibanOf">An account's IIBAN (what Spot <c>AccountTransfer</c> takes), by manifest account name.</param>
public sealed partial class KrakenTreasuryExchange(string master, SpotClient spot, TreasuryFuturesAccount? futures, Func<string, CancellationToken, Task<string>> iibanOf) : ITreasuryExchange
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task<TreasuryCallOutcome> ExecuteAsync(TreasuryStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case TreasuryStepKind.SpotTransfer:
                var from = await iibanOf(step.From, cancellationToken).ConfigureAwait(false);
                var to = await iibanOf(step.To, cancellationToken).ConfigureAwait(false);
                var moved = await spot.AccountTransferAsync(step.Asset, step.Amount, from, to, cancellationToken).ConfigureAwait(false);
                return moved.Success ? TreasuryCallOutcome.Done(moved.Value.TransferId) : Classify(moved.Error);
            case TreasuryStepKind.SpotToFutures:
                return Outcome(await spot.WalletTransferAsync(step.Asset, step.Amount, cancellationToken).ConfigureAwait(false));
            case TreasuryStepKind.Withdrawal:
                return Outcome(await spot.WithdrawAsync(step.Asset, step.To, step.Amount, cancellationToken: cancellationToken).ConfigureAwait(false));
            case TreasuryStepKind.FuturesToSpot:
                return Outcome(await Futures.Transfers.WithdrawToSpotAsync(TreasuryAssets.FuturesCurrency(step.Asset), step.Amount, WalletKind.Holding, cancellationToken).ConfigureAwait(false));
            default:
                var toSub = step.From == step.To ? throw new ArgumentException("a subaccount transfer needs two accounts", nameof(step)) : step.To;
                // The master's money sits in its holding wallet; a subaccount trades from its margin wallet.
                var (fromWallet, toWallet) = IsToMaster(step) ? (WalletKind.Margin, WalletKind.Holding) : (WalletKind.Holding, WalletKind.Margin);
                return Outcome(await Futures.Transfers.TransferToSubaccountAsync(step.From, toSub, fromWallet, toWallet, TreasuryAssets.FuturesCurrency(step.Asset), step.Amount, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The change a step makes to the master's balance (of the wallet whose ledger shows it).</summary>
    internal decimal MasterChange(TreasuryStep step) => step.Kind switch
    {
        TreasuryStepKind.SpotTransfer => IsToMaster(step) ? step.Amount : -step.Amount,
        TreasuryStepKind.FuturesSubaccountTransfer => IsToMaster(step) ? step.Amount : -step.Amount,
        TreasuryStepKind.FuturesToSpot => step.Amount,
        _ => -step.Amount,
    };

    private TreasuryFuturesAccount Futures => futures ?? throw new InvalidOperationException("this step needs the master's Futures key (process treasury-futures)");

    private bool IsToMaster(TreasuryStep step) => step.To == master;

    private static TreasuryCallOutcome Outcome(KrakenResult<string> result) =>
        result.Success ? TreasuryCallOutcome.Done(result.Value) : Classify(result.Error);

    private static TreasuryCallOutcome Outcome(KrakenResult<VenueTransferAck> result) =>
        result.Success ? TreasuryCallOutcome.Done(result.Value.Reference) : Classify(result.Error);

    /// <summary>Refused when nothing can have moved (refused locally, or a definite answer); unknown otherwise.</summary>
    internal static TreasuryCallOutcome Classify(KrakenError error) =>
        error.Origin == KrakenErrorOrigin.Local
        || (error.Origin == KrakenErrorOrigin.Exchange && error.Category is not (KrakenErrorCategory.Transient or KrakenErrorCategory.Unknown or KrakenErrorCategory.Protocol))
            ? TreasuryCallOutcome.Refused(error.ToString())
            : TreasuryCallOutcome.Unknown(error.ToString());
}
