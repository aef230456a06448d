namespace Bulkhead.Kraken.Venues;

/// <summary>What booked a ledger entry.</summary>
public enum VenueLedgerKind
{
    /// <summary>A fill: Spot its base or quote leg, Futures its realised profit and loss and fee.</summary>
    Trade,

    /// <summary>A fill of a liquidation (the venue closed a position).</summary>
    Liquidation,

    /// <summary>A funding payment on a perpetual position (paid or received).</summary>
    Funding,

    /// <summary>Money in from outside the venue.</summary>
    Deposit,

    /// <summary>Money out of the venue.</summary>
    Withdrawal,

    /// <summary>Money moved between wallets of the account or between accounts (Spot ↔ Futures, master ↔ subaccount).</summary>
    Transfer,

    /// <summary>A dated contract settled.</summary>
    Settlement,

    /// <summary>One currency converted into another by the venue.</summary>
    Conversion,

    /// <summary>Anything else (fee credits, adjustments, types this client does not know).</summary>
    Other,
}
