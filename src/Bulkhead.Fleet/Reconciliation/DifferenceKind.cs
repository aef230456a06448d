namespace Bulkhead.Fleet.Reconciliation;

/// <summary>What kind of difference reconciliation found.</summary>
public enum DifferenceKind
{
    /// <summary>The exchange has the fill; the journal lacks it.</summary>
    Missing,

    /// <summary>The journal has the fill; the exchange lacks it.</summary>
    Extra,

    /// <summary>Both have the fill, but a field (symbol, side, quantity, price, fee) differs.</summary>
    Mismatch,

    /// <summary>The account's P&amp;L from the exchange's balances and ledgers differs from the journal's.</summary>
    Pnl,

    /// <summary>Σ per-strategy P&amp;L differs from the consolidated P&amp;L of master and subaccounts.</summary>
    Consolidated,
}
