namespace Bulkhead.Sandbox;

/// <summary>
/// Why the sandbox's domain refused an operation. The API modules map each to the venue's own wire string
/// (Spot <c>EFunding:Insufficient funds</c>, Futures <c>insufficientFunds</c>, admin HTTP 4xx). A refused operation changes no state.
/// </summary>
public enum SandboxRejection
{
    /// <summary>No such account.</summary>
    UnknownAccount = 1,

    /// <summary>An account with that name exists.</summary>
    AccountExists,

    /// <summary>The name is not 1–32 of <c>[a-z0-9_-]</c>.</summary>
    InvalidAccountName,

    /// <summary>A subaccount's master must be a master.</summary>
    MasterIsSubaccount,

    /// <summary>The operation needs a master account (create subaccount, withdraw).</summary>
    NotMaster,

    /// <summary>The two accounts are not master and subaccount of each other (or siblings of one master).</summary>
    NotLinked,

    /// <summary>No such asset.</summary>
    UnknownAsset,

    /// <summary>Amount not positive, too large, or with more decimals than the asset has.</summary>
    InvalidAmount,

    /// <summary>Not enough available balance.</summary>
    InsufficientFunds,

    /// <summary>No such key.</summary>
    UnknownKey,

    /// <summary>A permission name that is not Kraken's.</summary>
    UnknownPermission,

    /// <summary>Key settings that do not fit together (e.g. Spot permissions on a Futures key, a bad CIDR).</summary>
    InvalidKeySettings,

    /// <summary>No such pair or instrument (Spot <c>EQuery:Unknown asset pair</c>).</summary>
    UnknownPair,

    /// <summary>The volume is not positive or has more decimals than the lot (Spot <c>EGeneral:Invalid arguments:volume</c>).</summary>
    InvalidVolume,

    /// <summary>The price is missing, not positive, off the tick, or given for a market order (Spot <c>EOrder:Invalid price:…</c>).</summary>
    InvalidPrice,

    /// <summary>Below the pair's minimum volume or cost (Spot <c>EOrder:Order minimum not met</c>).</summary>
    OrderMinimumNotMet,

    /// <summary>The order's parameters do not fit together (Spot <c>EOrder:Invalid order</c>).</summary>
    InvalidOrder,

    /// <summary>No such open order for this account (Spot <c>EOrder:Unknown order</c>).</summary>
    UnknownOrder,

    /// <summary>The per-pair trading counter is full (Spot <c>EOrder:Rate limit exceeded</c>).</summary>
    OrderRateLimitExceeded,

    /// <summary>Too many open orders on the pair (Spot <c>EOrder:Orders limit exceeded</c>).</summary>
    OrdersLimitExceeded,
}
