namespace Bulkhead.Fleet.Treasury;

/// <summary>What the operator asked for.</summary>
public enum TreasuryOperationKind
{
    /// <summary><c>bulkhead treasury transfer</c>: an amount from one account to another.</summary>
    Transfer,

    /// <summary><c>bulkhead treasury sweep</c>: everything above a floor from a subaccount to the master.</summary>
    Sweep,

    /// <summary><c>bulkhead treasury withdraw</c>: out of Kraken, through the master (a subaccount is swept first).</summary>
    Withdraw,
}
