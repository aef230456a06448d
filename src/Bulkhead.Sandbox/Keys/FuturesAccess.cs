namespace Bulkhead.Sandbox.Keys;

/// <summary>A Futures key's General API access (Kraken: No Access / Read Only / Full Access).</summary>
public enum FuturesAccess
{
    /// <summary>No access to the general API.</summary>
    None = 0,

    /// <summary>Endpoints that do not write.</summary>
    ReadOnly,

    /// <summary>All endpoints except withdrawals.</summary>
    Full,
}
