using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Fills;

/// <summary>
/// Folds fills into positions at average cost. One definition of P&amp;L for the runtime's equity points, its drawdown
/// check, reporting and reconciliation: realised + position × (mark − average cost) − fees, which equals the
/// mark-to-market of every cash flow (Σ −side × quantity × price + position × mark − fees).
/// </summary>
public static class FillPnl
{
    /// <summary>The positions per symbol (ordinal order) of <paramref name="fills"/>, folded in time order.</summary>
    public static IReadOnlyDictionary<string, SymbolPosition> Fold(IEnumerable<JournalFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var positions = new SortedDictionary<string, SymbolPosition>(StringComparer.Ordinal);
        foreach (var fill in fills.OrderBy(f => f.Time).ThenBy(f => f.FillId, StringComparer.Ordinal))
        {
            var current = positions.TryGetValue(fill.Symbol, out var p) ? p : SymbolPosition.Flat(fill.Symbol);
            positions[fill.Symbol] = Apply(current, fill);
        }

        return positions;
    }

    /// <summary>One fill applied to a position.</summary>
    public static SymbolPosition Apply(SymbolPosition position, JournalFill fill)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(fill);
        var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
        var fee = IsUsd(fill.FeeAsset) ? fill.Fee : fill.Fee * fill.Price;
        var size = position.Position;
        var realised = position.Realised;
        var average = position.AverageCost;
        if (size == 0m || Math.Sign(size) == Math.Sign(signed))
        {
            // Opening or adding: the average cost moves to the size-weighted mean.
            var next = size + signed;
            average = ((average * Math.Abs(size)) + (fill.Price * Math.Abs(signed))) / Math.Abs(next);
            size = next;
        }
        else
        {
            var closing = Math.Min(Math.Abs(signed), Math.Abs(size));
            realised += closing * (fill.Price - average) * Math.Sign(size);
            var next = size + signed;
            if (next == 0m)
            {
                average = 0m;
            }
            else if (Math.Sign(next) != Math.Sign(size))
            {
                average = fill.Price; // flipped: the remainder opens at this fill's price
            }

            size = next;
        }

        return position with
        {
            Position = size,
            AverageCost = average,
            Realised = realised,
            Fees = position.Fees + fee,
            Volume = position.Volume + (fill.Quantity * fill.Price),
            Fills = position.Fills + 1,
        };
    }

    /// <summary>Whether an asset code is US dollars (<c>ZUSD</c>, <c>USD</c>).</summary>
    public static bool IsUsd(string asset) => asset is "ZUSD" or "USD" or "usd" or "zusd";
}
