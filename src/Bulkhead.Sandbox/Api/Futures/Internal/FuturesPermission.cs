namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>What a Futures endpoint needs of a key (futures.md §4).</summary>
internal enum FuturesPermission
{
    /// <summary>General API read-only or full.</summary>
    Read = 0,

    /// <summary>General API full access.</summary>
    Full,

    /// <summary>Withdrawal API full access.</summary>
    Withdraw,
}
