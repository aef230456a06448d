using System.Collections.Immutable;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Roles;

/// <summary>
/// THE role table: each role's methods and, derived from them, its minimum permissions. docs/fleet.md renders it
/// (a test keeps the two equal). A key with <c>permissions = "role"</c> gets exactly these; the audit flags anything more.
/// </summary>
public static class RolePermissions
{
    /// <summary>Every role, in the order of <see cref="FleetRole"/>.</summary>
    public static ImmutableArray<RoleRequirement> All { get; } =
    [
        new(FleetRole.Trader, "runs one strategy: places, amends and cancels its orders, arms the dead man's switch, reads its fills",
            ["Balance", "OpenOrders", "QueryOrders", "TradesHistory", "TradeVolume", "AddOrder", "AddOrderBatch", "AmendOrder", "EditOrder", "CancelOrder", "CancelOrderBatch", "CancelAll", "CancelAllOrdersAfter"],
            ["accounts", "openorders", "openpositions", "fills", "history/v2/account-log", "sendorder", "editorder", "batchorder", "cancelorder", "cancelallorders", "cancelallordersafter"],
            false),
        new(FleetRole.Dashboard, "shows balances and open orders; changes nothing",
            ["Balance", "OpenOrders", "TradeVolume"],
            ["accounts", "openorders", "openpositions"],
            false),
        new(FleetRole.Reconciler, "reconciles balances, closed orders, trades and ledgers; never trades or moves funds",
            ["Balance", "OpenOrders", "QueryOrders", "ClosedOrders", "TradesHistory", "QueryTrades", "Ledgers", "QueryLedgers"],
            ["accounts", "openorders", "openpositions", "fills", "history/v2/executions", "history/v2/account-log"],
            false),
        new(FleetRole.Flattener, "kill switch: cancels every order and closes the inventory or position of its strategy",
            ["Balance", "OpenOrders", "TradesHistory", "CancelAll", "CancelOrder", "AddOrder"],
            ["accounts", "openorders", "openpositions", "fills", "history/v2/account-log", "cancelallorders", "sendorder"],
            false),
        new(FleetRole.Replayer, "replays a strategy's history from closed orders, trades and exports; changes nothing",
            ["ClosedOrders", "QueryOrders", "TradesHistory", "QueryTrades", "AddExport", "ExportStatus", "RetrieveExport", "RemoveExport"],
            ["fills", "history/v2/executions", "history/v2/orders"],
            false),
        new(FleetRole.Treasury, "moves funds between the master and subaccounts, creates subaccounts, withdraws; master only",
            ["Balance", "WithdrawMethods", "WithdrawAddresses", "WithdrawInfo", "Withdraw", "WithdrawStatus", "WithdrawCancel", "WalletTransfer", "AccountTransfer", "CreateSubaccount", "DepositMethods", "DepositAddresses", "DepositStatus", "Ledgers"],
            ["accounts", "subaccounts", "transfer", "transfer/subaccount", "withdrawal", "history/v2/account-log"],
            true),
    ];

    /// <summary>The row of <paramref name="role"/>.</summary>
    public static RoleRequirement Of(FleetRole role) => All.First(r => r.Role == role);
}
