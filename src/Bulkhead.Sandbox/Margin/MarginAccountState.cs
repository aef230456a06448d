namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Everything margin reads about ONE account: its Futures flex collateral, its positions and its open orders. Nothing
/// about any other account is in here, so every figure computed from it depends on this account alone.
/// </summary>
/// <param name="Collateral">The flex wallet's balances by asset id (<c>ZUSD</c>, <c>XXBT</c>); a USD balance may be negative after losses.</param>
/// <param name="Positions">Open positions (flat ones are ignored).</param>
/// <param name="Orders">Open orders' remaining quantities.</param>
public sealed record MarginAccountState(
    IReadOnlyDictionary<string, decimal> Collateral,
    IReadOnlyList<FuturesPosition> Positions,
    IReadOnlyList<MarginOrder> Orders)
{
    /// <summary>The same account with one more open order (for the margin check of a new order).</summary>
    public MarginAccountState WithOrder(MarginOrder order) => this with { Orders = [.. Orders, order] };

    /// <summary>The signed size held in <paramref name="symbol"/> (zero if none).</summary>
    public decimal PositionSize(string symbol) =>
        Positions.Where(p => string.Equals(p.Symbol, symbol, StringComparison.Ordinal)).Sum(p => p.Size);
}
