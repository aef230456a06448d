using Bulkhead.Sandbox.Margin;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

public sealed partial class SandboxExchange
{
    private readonly MarkPriceBoard _markPrices = new();

    /// <summary>The current mark and index prices of the Futures instruments.</summary>
    public IMarkPrices MarkPrices => _markPrices;

    /// <summary>
    /// The market's seam into margin: sets <paramref name="symbol"/>'s mark price (and index price; null: the index
    /// follows the mark), then liquidates every account whose equity fell below its maintenance margin.
    /// </summary>
    /// <exception cref="ArgumentException">The instrument is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is not positive.</exception>
    public void UpdateMarkPrice(string symbol, decimal markPrice, decimal? indexPrice = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            _markPrices.Set(symbol, markPrice, indexPrice);
        }
    }
}
