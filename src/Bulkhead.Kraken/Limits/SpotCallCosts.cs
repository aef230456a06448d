namespace Bulkhead.Kraken.Limits;

/// <summary>What each Spot method adds to the account's REST call counter (shared/kraken/spot.md §3).</summary>
public static class SpotCallCosts
{
    /// <summary>The cost of one call of <paramref name="method"/> on the REST counter.</summary>
    public static decimal For(string method) => method switch
    {
        "Ledgers" or "QueryLedgers" or "TradesHistory" or "QueryTrades" => 2m,
        "AddOrder" or "AddOrderBatch" or "CancelOrder" or "CancelOrderBatch" or "EditOrder" or "AmendOrder" => 0m,
        _ => 1m,
    };
}
