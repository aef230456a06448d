using System.Collections.Frozen;

namespace Bulkhead.Kraken.Spot;

/// <summary>Facts about Spot method names, in one place for the client, the CLI and the sandbox.</summary>
public static class SpotMethods
{
    private static readonly FrozenSet<string> Public = new[]
    {
        "Time", "SystemStatus", "Assets", "AssetPairs", "Ticker", "Depth", "Trades", "Spread", "OHLC", "GroupedBook",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for methods served under <c>/0/public/</c> (no key needed).</summary>
    public static bool IsPublic(string method) => Public.Contains(method);
}
