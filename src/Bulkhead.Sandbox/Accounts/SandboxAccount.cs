namespace Bulkhead.Sandbox.Accounts;

/// <summary>
/// An account on the sandbox exchange: a master, or a subaccount linked to one. Each has its own balances, ledger,
/// keys and rate-limit counters; a master and its subaccounts share one 30-day volume for the fee tier.
/// </summary>
/// <param name="Name">Unique name (admin-facing, e.g. <c>desk</c>, <c>mm</c>): 1–32 of <c>[a-z0-9_-]</c>.</param>
/// <param name="Master">The master's name for a subaccount; null for a master.</param>
/// <param name="Iiban">Kraken-style account identifier (<c>AA12 N84G HKCE 3DSH</c>), used by Spot <c>AccountTransfer</c>.</param>
/// <param name="FuturesUid">The Futures account UID (<c>/subaccounts</c> <c>accountUid</c>).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="FuturesTradingEnabled">The Futures subaccount trading switch.</param>
/// <param name="VolumeUsd30d">The 30-day USD volume set by the admin API (trading adds to it in part 2).</param>
public sealed record SandboxAccount(
    string Name,
    string? Master,
    string Iiban,
    Guid FuturesUid,
    DateTimeOffset CreatedAt,
    bool FuturesTradingEnabled,
    decimal VolumeUsd30d)
{
    /// <summary>True for a master account.</summary>
    public bool IsMaster => Master is null;
}
