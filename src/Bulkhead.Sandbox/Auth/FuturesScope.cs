namespace Bulkhead.Sandbox.Auth;

/// <summary>What a Futures endpoint needs from a Futures key (shared/kraken/futures.md §4).</summary>
public enum FuturesScope
{
    /// <summary>General API, Read Only or Full Access.</summary>
    ReadOnly = 0,

    /// <summary>General API, Full Access.</summary>
    Full,

    /// <summary>Withdrawal API, Full Access.</summary>
    Withdraw,
}
