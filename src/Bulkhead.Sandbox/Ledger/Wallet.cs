namespace Bulkhead.Sandbox.Ledger;

/// <summary>Where an account's funds sit: the Spot wallet, or one of its Futures wallets.</summary>
public enum Wallet
{
    /// <summary>The Spot wallet (Balance, Ledgers).</summary>
    Spot = 0,

    /// <summary>The Futures cash (holding) wallet: <c>cash</c>.</summary>
    FuturesCash,

    /// <summary>The Futures multi-collateral margin wallet: <c>flex</c>.</summary>
    FuturesFlex,
}
