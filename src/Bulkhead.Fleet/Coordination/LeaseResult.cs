using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bulkhead.Fleet.Coordination;

/// <summary>The answer to <see cref="ICoordinationStore.TryAcquire"/>: the lease, or who holds it and until when.</summary>
public sealed class LeaseResult
{
    private LeaseResult(string keyName, Lease? lease, LeaseHolder? holder, DateTimeOffset? heldUntil)
    {
        KeyName = keyName;
        Lease = lease;
        Holder = holder;
        HeldUntil = heldUntil;
    }

    /// <summary>The key asked for.</summary>
    public string KeyName { get; }

    /// <summary>Whether the lease was granted.</summary>
    [MemberNotNullWhen(true, nameof(Lease))]
    [MemberNotNullWhen(false, nameof(Holder), nameof(HeldUntil))]
    public bool Granted => Lease is not null;

    /// <summary>The granted lease.</summary>
    public Lease? Lease { get; }

    /// <summary>When refused: the holder (process, host, pid, since).</summary>
    public LeaseHolder? Holder { get; }

    /// <summary>When refused: when the holder's lease lapses unless renewed.</summary>
    public DateTimeOffset? HeldUntil { get; }

    /// <summary>A grant.</summary>
    public static LeaseResult Grant(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return new LeaseResult(lease.KeyName, lease, null, null);
    }

    /// <summary>A refusal naming the holder.</summary>
    public static LeaseResult Held(string keyName, LeaseHolder holder, DateTimeOffset heldUntil)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return new LeaseResult(keyName, null, holder, heldUntil);
    }

    /// <summary>One line for operators, e.g. <c>key mm-trader is held by process mm (pid 42 on h1) since …; its lease runs until …</c>.</summary>
    public override string ToString() => Granted
        ? string.Create(CultureInfo.InvariantCulture, $"key {KeyName} leased to {Lease.Holder} (fencing token {Lease.FencingToken}) until {Lease.ExpiresAt:O}")
        : string.Create(CultureInfo.InvariantCulture, $"key {KeyName} is held by {Holder}; its lease runs until {HeldUntil:O} unless renewed");
}
