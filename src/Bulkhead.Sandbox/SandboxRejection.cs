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
}
