using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    private (IRateLimiter? Limiter, decimal Cost) LimiterFor(HttpMethod verb, string endpoint, string urlPath, List<KeyValuePair<string, string>> parameters)
    {
        if (_limiters is null)
        {
            return (null, 0);
        }

        _ = verb;
        _ = parameters;
        return urlPath.StartsWith("/api/history/", StringComparison.Ordinal)
            ? (_limiters.History, 1m)
            : (_limiters.Derivatives, endpoint switch
            {
                "sendorder" or "editorder" or "cancelorder" or "transfer" or "transfer/subaccount" => 10m,
                "cancelallorders" or "cancelallordersafter" => 25m,
                "withdrawal" => 100m,
                "orders/status" => 1m,
                _ => 2m,
            });
    }
}
