namespace Bulkhead.Kraken.Spot;

/// <summary>The permissions a Kraken Spot API key can hold (Kraken's key settings page). <see cref="SpotPermissions"/> has their exact names.</summary>
[Flags]
#pragma warning disable CA1711 // A [Flags] permission set: the name says what one value is.
public enum SpotPermission
#pragma warning restore CA1711
{
    /// <summary>No permission.</summary>
    None = 0,

    /// <summary><c>Query Funds</c>.</summary>
    QueryFunds = 1 << 0,

    /// <summary><c>Deposit Funds</c>.</summary>
    DepositFunds = 1 << 1,

    /// <summary><c>Withdraw Funds</c>.</summary>
    WithdrawFunds = 1 << 2,

    /// <summary><c>Query Open Orders &amp; Trades</c>.</summary>
    QueryOpenOrdersAndTrades = 1 << 3,

    /// <summary><c>Query Closed Orders &amp; Trades</c>.</summary>
    QueryClosedOrdersAndTrades = 1 << 4,

    /// <summary><c>Modify Orders</c>.</summary>
    ModifyOrders = 1 << 5,

    /// <summary><c>Cancel/Close Orders</c>.</summary>
    CancelCloseOrders = 1 << 6,

    /// <summary><c>Query Ledger Entries</c>.</summary>
    QueryLedgerEntries = 1 << 7,

    /// <summary><c>Export Data</c>.</summary>
    ExportData = 1 << 8,

    /// <summary><c>Access WebSockets API</c>.</summary>
    AccessWebSocketsApi = 1 << 9,
}
