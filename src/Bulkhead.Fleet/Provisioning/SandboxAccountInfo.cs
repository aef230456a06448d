namespace Bulkhead.Fleet.Provisioning;

/// <summary>An account as the sandbox's admin API lists it.</summary>
/// <param name="Name">The account's name.</param>
/// <param name="Master">Its master, or null for a master account.</param>
public sealed record SandboxAccountInfo(string Name, string? Master)
{
    /// <summary>Its IIBAN (what Spot <c>AccountTransfer</c> takes), when the sandbox lists it.</summary>
    public string? Iiban { get; init; }

    /// <summary>The admin-set part of its 30-day USD volume (what its fee tier adds its trades to), when listed.</summary>
    public decimal? VolumeUsd30d { get; init; }
}
