namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    // Replaced by the trading endpoints' order-age bookkeeping; until then an add costs 1 and an amend or cancel the
    // highest penalty Kraken charges (an order younger than 5 s), which never underestimates.
    private static decimal TradingCost(string method, List<KeyValuePair<string, string>> parameters)
    {
        _ = parameters;
        return method == "AddOrder" ? 1m : 8m;
    }
}
