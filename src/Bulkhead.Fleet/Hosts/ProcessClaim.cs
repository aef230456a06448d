using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Fleet.Hosts;

/// <summary>
/// The answer to <see cref="HostLeases.TryClaim"/>: the lease, or why not — another host holds it until
/// <see cref="HeldUntil"/>, or a host earlier in the process's preference is alive and gets it first.
/// </summary>
/// <param name="Lease">The grant, or null.</param>
/// <param name="Owner">When refused: the host that holds it, or the preferred live host it is left to.</param>
/// <param name="HeldUntil">When refused because held: when that lease lapses unless renewed.</param>
public sealed record ProcessClaim(ProcessLease? Lease, string? Owner, DateTimeOffset? HeldUntil)
{
    /// <summary>Whether the lease was granted.</summary>
    [MemberNotNullWhen(true, nameof(Lease))]
    [MemberNotNullWhen(false, nameof(Owner))]
    public bool Granted => Lease is not null;
}
