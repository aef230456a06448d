using System.Collections.Frozen;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// What each Spot REST method adds to the REST call counter (<see cref="SpotRestLimits"/>). Private calls add 1; the
/// ledger and trade-history queries add 2; order methods add 0 here because they count on the trading limiter
/// (<see cref="SpotTradingCosts"/>); public methods add 0. The one table; the sandbox charges the same.
/// </summary>
public static class SpotCallCosts
{
    /// <summary>The cost of an ordinary private call.</summary>
    /// <value>1.</value>
    public const decimal PrivateCall = 1m;

    /// <summary>The cost of <c>Ledgers</c>, <c>QueryLedgers</c>, <c>TradesHistory</c> and <c>QueryTrades</c>.</summary>
    /// <value>2.</value>
    public const decimal HistoryCall = 2m;

    private static readonly FrozenDictionary<string, decimal> Special = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["Ledgers"] = HistoryCall,
        ["QueryLedgers"] = HistoryCall,
        ["TradesHistory"] = HistoryCall,
        ["QueryTrades"] = HistoryCall,
        ["AddOrder"] = 0m,
        ["AddOrderBatch"] = 0m,
        ["CancelOrder"] = 0m,
        ["CancelOrderBatch"] = 0m,
        ["EditOrder"] = 0m,
        ["AmendOrder"] = 0m,
        ["Time"] = 0m,
        ["SystemStatus"] = 0m,
        ["Assets"] = 0m,
        ["AssetPairs"] = 0m,
        ["Ticker"] = 0m,
        ["OHLC"] = 0m,
        ["Depth"] = 0m,
        ["Trades"] = 0m,
        ["Spread"] = 0m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The counter cost of the Spot method named <paramref name="method"/> (the last path segment, e.g. <c>Balance</c>,
    /// <c>Ledgers</c>; <c>/0/private/Balance</c> is accepted too). Methods not listed are private calls and cost 1.
    /// </summary>
    public static decimal For(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var slash = method.LastIndexOf('/');
        var name = slash >= 0 ? method[(slash + 1)..] : method;
        if (Special.TryGetValue(name, out var cost))
        {
            return cost;
        }

        return method.Contains("/public/", StringComparison.OrdinalIgnoreCase) ? 0m : PrivateCall;
    }
}
