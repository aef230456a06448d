namespace Bulkhead.Fleet.Treasury;

/// <summary>One exchange call a treasury step makes. Every kind touches the master, so the master's keys can find it again.</summary>
public enum TreasuryStepKind
{
    /// <summary>Spot <c>AccountTransfer</c> between the master's Spot wallet and a Spot subaccount's (by IIBAN).</summary>
    SpotTransfer,

    /// <summary>Spot <c>WalletTransfer</c>: the master's Spot wallet → the master's Futures <c>cash</c> wallet.</summary>
    SpotToFutures,

    /// <summary>Futures <c>transfer/subaccount</c> between the master's Futures <c>cash</c> wallet and a Futures subaccount's <c>flex</c> wallet.</summary>
    FuturesSubaccountTransfer,

    /// <summary>Futures <c>withdrawal</c>: the master's Futures <c>cash</c> wallet → the master's Spot wallet.</summary>
    FuturesToSpot,

    /// <summary>Spot <c>Withdraw</c> from the master's Spot wallet to a withdrawal key (money leaves Kraken).</summary>
    Withdrawal,
}
