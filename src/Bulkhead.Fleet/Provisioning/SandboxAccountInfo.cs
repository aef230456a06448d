namespace Bulkhead.Fleet.Provisioning;

/// <summary>An account as the sandbox's admin API lists it.</summary>
/// <param name="Name">The account's name.</param>
/// <param name="Master">Its master, or null for a master account.</param>
public sealed record SandboxAccountInfo(string Name, string? Master)
{
    /// <summary>Its IIBAN (what Spot <c>AccountTransfer</c> takes), when the sandbox lists it.</summary>
    public string? Iiban { get; init; }
}
