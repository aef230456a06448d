namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>Facts about Futures endpoint paths, in one place for the client, the CLI and the sandbox.</summary>
public static class FuturesEndpoints
{
    /// <summary>True for endpoints that need no key: instruments, tickers, order book, public trade history, funding rates, charts.</summary>
    /// <param name="path">A path relative to <c>/derivatives/api/v3/</c> or an absolute path.</param>
    public static bool IsPublic(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.Trim('/');
        foreach (var prefix in new[] { "derivatives/api/v3/", "derivatives/api/v4/" })
        {
            if (p.StartsWith(prefix, StringComparison.Ordinal))
            {
                p = p[prefix.Length..];
            }
        }

        return p is "instruments" or "tickers" or "orderbook" or "history" or "historicalfundingrates" or "historical-funding-rates" or "feeschedules"
            || p.StartsWith("instruments/", StringComparison.Ordinal)
            || p.StartsWith("tickers/", StringComparison.Ordinal)
            || p.StartsWith("api/charts/", StringComparison.Ordinal)
            || (p.StartsWith("api/history/", StringComparison.Ordinal) && p.Contains("/market/", StringComparison.Ordinal));
    }
}
