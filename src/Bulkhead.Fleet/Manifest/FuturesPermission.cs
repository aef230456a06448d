namespace Bulkhead.Fleet.Manifest;

/// <summary>A Kraken Futures key's permissions: General API (read-only or full) and Withdrawal API.</summary>
[Flags]
#pragma warning disable CA1711 // A [Flags] permission set: the name says what one value is.
public enum FuturesPermission
#pragma warning restore CA1711
{
    /// <summary>No access.</summary>
    None = 0,

    /// <summary>General API: Read Only (<c>read-only</c>).</summary>
    ReadOnly = 1 << 0,

    /// <summary>General API: Full Access (<c>full</c>); includes read-only.</summary>
    Full = 1 << 1,

    /// <summary>Withdrawal API: Full Access (<c>withdrawal</c>).</summary>
    Withdrawal = 1 << 2,
}
