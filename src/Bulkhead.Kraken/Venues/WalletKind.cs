namespace Bulkhead.Kraken.Venues;

/// <summary>What a wallet is for, whatever the venue calls it.</summary>
public enum WalletKind
{
    /// <summary>The Spot wallet: assets held outright.</summary>
    Spot,

    /// <summary>A derivatives wallet that holds collateral without margining positions (Futures <c>cash</c>).</summary>
    Holding,

    /// <summary>The multi-collateral margin wallet positions trade against (Futures <c>flex</c>); its portfolio value is the account's equity.</summary>
    Margin,

    /// <summary>A single-collateral margin wallet of one contract family (Futures <c>fi_xbtusd</c>).</summary>
    IsolatedMargin,
}
