using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// Kraken's permission names and which permission each private Spot method needs (shared/kraken/spot.md §2).
/// One table for the client, the sandbox (which enforces it) and the fleet audit (which checks least privilege).
/// </summary>
public static class SpotPermissions
{
    private static readonly (SpotPermission Permission, string Name)[] Names =
    [
        (SpotPermission.QueryFunds, "Query Funds"),
        (SpotPermission.DepositFunds, "Deposit Funds"),
        (SpotPermission.WithdrawFunds, "Withdraw Funds"),
        (SpotPermission.QueryOpenOrdersAndTrades, "Query Open Orders & Trades"),
        (SpotPermission.QueryClosedOrdersAndTrades, "Query Closed Orders & Trades"),
        (SpotPermission.ModifyOrders, "Modify Orders"),
        (SpotPermission.CancelCloseOrders, "Cancel/Close Orders"),
        (SpotPermission.QueryLedgerEntries, "Query Ledger Entries"),
        (SpotPermission.ExportData, "Export Data"),
        (SpotPermission.AccessWebSocketsApi, "Access WebSockets API"),
    ];

    private static readonly FrozenDictionary<string, SpotPermission> ByName =
        Names.ToFrozenDictionary(n => n.Name, n => n.Permission, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SpotPermission> Required = new Dictionary<string, SpotPermission>(StringComparer.Ordinal)
    {
        ["Balance"] = SpotPermission.QueryFunds,
        ["BalanceEx"] = SpotPermission.QueryFunds,
        ["TradeBalance"] = SpotPermission.QueryFunds,
        ["WithdrawInfo"] = SpotPermission.QueryFunds,
        ["WithdrawMethods"] = SpotPermission.QueryFunds,
        ["WithdrawAddresses"] = SpotPermission.QueryFunds,
        ["OpenOrders"] = SpotPermission.QueryOpenOrdersAndTrades,
        ["QueryOrders"] = SpotPermission.QueryOpenOrdersAndTrades,
        ["OpenPositions"] = SpotPermission.QueryOpenOrdersAndTrades,
        ["ClosedOrders"] = SpotPermission.QueryClosedOrdersAndTrades,
        ["TradesHistory"] = SpotPermission.QueryClosedOrdersAndTrades,
        ["QueryTrades"] = SpotPermission.QueryClosedOrdersAndTrades,
        ["TradeVolume"] = SpotPermission.QueryFunds,
        ["AddOrder"] = SpotPermission.ModifyOrders,
        ["AddOrderBatch"] = SpotPermission.ModifyOrders,
        ["EditOrder"] = SpotPermission.ModifyOrders,
        ["AmendOrder"] = SpotPermission.ModifyOrders,
        ["CancelOrder"] = SpotPermission.CancelCloseOrders,
        ["CancelAll"] = SpotPermission.CancelCloseOrders,
        ["CancelAllOrdersAfter"] = SpotPermission.CancelCloseOrders,
        ["CancelOrderBatch"] = SpotPermission.CancelCloseOrders,
        ["Ledgers"] = SpotPermission.QueryLedgerEntries,
        ["QueryLedgers"] = SpotPermission.QueryLedgerEntries,
        ["Withdraw"] = SpotPermission.WithdrawFunds,
        ["WithdrawCancel"] = SpotPermission.WithdrawFunds,
        ["WithdrawStatus"] = SpotPermission.WithdrawFunds,
        ["WalletTransfer"] = SpotPermission.WithdrawFunds,
        ["DepositMethods"] = SpotPermission.DepositFunds,
        ["DepositAddresses"] = SpotPermission.DepositFunds,
        ["DepositStatus"] = SpotPermission.DepositFunds,
        ["GetWebSocketsToken"] = SpotPermission.AccessWebSocketsApi,
        ["AddExport"] = SpotPermission.ExportData,
        ["ExportStatus"] = SpotPermission.ExportData,
        ["RetrieveExport"] = SpotPermission.ExportData,
        ["RemoveExport"] = SpotPermission.ExportData,
        ["CreateSubaccount"] = SpotPermission.WithdrawFunds,
        ["AccountTransfer"] = SpotPermission.WithdrawFunds,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every permission with its Kraken name, in Kraken's order.</summary>
    public static IReadOnlyList<(SpotPermission Permission, string Name)> All => Names;

    /// <summary>Kraken's name of one permission, e.g. <c>Query Open Orders &amp; Trades</c>.</summary>
    public static string NameOf(SpotPermission permission) =>
        Names.FirstOrDefault(n => n.Permission == permission).Name ?? throw new ArgumentOutOfRangeException(nameof(permission), permission, "Not a single permission.");

    /// <summary>Parses a Kraken permission name (exact, case-sensitive).</summary>
    public static bool TryParse(string name, out SpotPermission permission) => ByName.TryGetValue(name, out permission);

    /// <summary>The permission a private method needs; false for methods this table does not know (public or unknown).</summary>
    public static bool TryGetRequired(string method, [NotNullWhen(true)] out SpotPermission? permission)
    {
        if (Required.TryGetValue(method, out var p))
        {
            permission = p;
            return true;
        }

        permission = null;
        return false;
    }

    /// <summary>Every private method this table knows.</summary>
    public static IEnumerable<string> PrivateMethods => Required.Keys;

    /// <summary>Methods that only a master account's key may call (and only with Withdraw Funds).</summary>
    public static bool IsMasterOnly(string method) => method is "CreateSubaccount" or "AccountTransfer";
}
