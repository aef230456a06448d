using System.Collections.Concurrent;
using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// The exchange's current mark and index prices, one pair per instrument of <see cref="InstrumentCatalog"/>, starting at
/// the catalogue's indicative price. Thread-safe; written by <see cref="SandboxExchange.UpdateMarkPrice"/>.
/// </summary>
public sealed class MarkPriceBoard : IMarkPrices
{
    private readonly ConcurrentDictionary<string, (decimal Mark, decimal Index)> _prices = new(StringComparer.Ordinal);

    /// <summary>A board at the catalogue's indicative prices.</summary>
    public MarkPriceBoard()
    {
        foreach (var instrument in InstrumentCatalog.All)
        {
            _prices[instrument.Symbol] = (instrument.MarkPrice, instrument.MarkPrice);
        }
    }

    /// <inheritdoc />
    public decimal Mark(string symbol) => Get(symbol).Mark;

    /// <inheritdoc />
    public decimal Index(string symbol) => Get(symbol).Index;

    /// <summary>Sets an instrument's mark price and, when given, its index price (else the index follows the mark).</summary>
    public void Set(string symbol, decimal mark, decimal? index = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mark);
        _ = Get(symbol);
        _prices[symbol] = (mark, index ?? mark);
    }

    private (decimal Mark, decimal Index) Get(string symbol) =>
        _prices.TryGetValue(symbol, out var prices) ? prices : throw new ArgumentException($"'{symbol}' is not a Futures instrument.", nameof(symbol));
}
