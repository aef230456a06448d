namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>What an <c>executions</c> event reports (<c>exec_type</c>).</summary>
public enum ExecutionType
{
    /// <summary>A value this client does not know (kept in <see cref="ExecutionUpdate.ExecTypeText"/>).</summary>
    Unknown = 0,

    /// <summary><c>pending_new</c>: validated, not yet live (Spot).</summary>
    PendingNew,

    /// <summary><c>new</c>: live in the book (also every open order of a snapshot).</summary>
    New,

    /// <summary><c>trade</c>: a fill.</summary>
    Trade,

    /// <summary><c>filled</c>: the order is completely filled.</summary>
    Filled,

    /// <summary><c>canceled</c>.</summary>
    Canceled,

    /// <summary><c>expired</c>.</summary>
    Expired,

    /// <summary><c>amended</c>: quantity or price changed in place.</summary>
    Amended,

    /// <summary><c>restated</c>: changed by the engine.</summary>
    Restated,

    /// <summary><c>status</c>: a status change without a fill.</summary>
    Status,

    /// <summary><c>iceberg_refill</c>.</summary>
    IcebergRefill,
}
