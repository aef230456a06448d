using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Roles;

/// <summary>
/// What a role may call through a gateway, from <see cref="RolePermissions"/>: the methods and endpoints its row lists,
/// plus reads its permissions already cover (a trader that may call <c>Balance</c> may also call <c>TradeBalance</c>;
/// one that may call <c>TradesHistory</c> may call <c>ClosedOrders</c>), plus <c>GetWebSocketsToken</c> for the roles that
/// may stream. Anything that changes state — orders, transfers, withdrawals, subaccounts — only when the row lists it.
/// Methods this table does not know are refused.
/// </summary>
public static class RoleAccess
{
    private const SpotPermission Reads = SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades
        | SpotPermission.QueryClosedOrdersAndTrades | SpotPermission.QueryLedgerEntries;

    // Reads that name or move money even though Kraken files them under Query Funds: listed roles only.
    private static readonly string[] FundingReads = ["WithdrawInfo", "WithdrawMethods", "WithdrawAddresses", "WithdrawStatus"];

    /// <summary>True when a process of <paramref name="role"/> may call the private Spot method <paramref name="method"/>.</summary>
    public static bool AllowsSpot(FleetRole role, string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var row = RolePermissions.Of(role);
        if (row.SpotMethods.Contains(method, StringComparer.Ordinal))
        {
            return true;
        }

        if (method == "GetWebSocketsToken")
        {
            return FleetProcess.MayStream(role);
        }

        return SpotPermissions.TryGetRequired(method, out var needed)
            && (needed.Value & Reads) == needed.Value
            && (row.Spot & needed.Value) == needed.Value
            && !FundingReads.Contains(method, StringComparer.Ordinal);
    }

    /// <summary>
    /// True when a process of <paramref name="role"/> may call the private Futures endpoint at <paramref name="urlPath"/>
    /// (<c>/derivatives/api/v3/sendorder</c>, <c>/api/history/v2/account-log</c>) with <paramref name="verb"/>.
    /// </summary>
    public static bool AllowsFutures(FleetRole role, string verb, string urlPath)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(urlPath);
        var path = Normalise(urlPath);
        var row = RolePermissions.Of(role);
        if (row.FuturesEndpoints.Contains(path, StringComparer.Ordinal))
        {
            return true;
        }

        return FuturesAccess.Required($"{verb} {path}") == FuturesPermission.ReadOnly
            && verb.Equals("GET", StringComparison.OrdinalIgnoreCase)
            && FuturesAccess.Grants(row.Futures, FuturesPermission.ReadOnly);
    }

    // The role table names endpoints without their API prefix: "sendorder", "history/v2/account-log".
    private static string Normalise(string urlPath)
    {
        var (_, path) = FuturesAccess.Split(urlPath);
        return path.StartsWith("api/history/", StringComparison.Ordinal) ? path["api/".Length..] : path;
    }
}
