namespace Bulkhead.Fleet.Fills;

/// <summary>
/// A position in one symbol folded from its fills at average cost: signed size (positive long), the average entry price,
/// realised P&amp;L and fees (in the quote currency; every symbol the fleet trades is quoted in USD).
/// </summary>
/// <param name="Symbol">The pair or contract.</param>
/// <param name="Position">Signed size: base units (Spot) or contracts (Futures).</param>
/// <param name="AverageCost">The average entry price of the open position (0 when flat).</param>
/// <param name="Realised">Realised P&amp;L of the closed part, before fees.</param>
/// <param name="Fees">Fees paid, valued in the quote currency.</param>
/// <param name="Volume">Traded notional (quantity × price, summed).</param>
/// <param name="Fills">How many fills were folded.</param>
public sealed record SymbolPosition(string Symbol, decimal Position, decimal AverageCost, decimal Realised, decimal Fees, decimal Volume, int Fills)
{
    /// <summary>No position, nothing realised, no fills: where every symbol starts.</summary>
    public static SymbolPosition Flat(string symbol) => new(symbol, 0m, 0m, 0m, 0m, 0m, 0);

    /// <summary>The open position marked at <paramref name="mark"/>.</summary>
    public decimal Unrealised(decimal mark) => Position * (mark - AverageCost);

    /// <summary>Realised + unrealised − fees at <paramref name="mark"/>.</summary>
    public decimal Pnl(decimal mark) => Realised + Unrealised(mark) - Fees;
}
