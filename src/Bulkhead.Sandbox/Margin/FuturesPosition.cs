namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// One account's position in one perpetual. Kept as a signed size and a signed <see cref="Cost"/> (the entry value of the
/// open size, <c>Σ quantity × price</c> of what is still open), not as an average price: unrealised P&amp;L is
/// <c>Size × mark − Cost</c> exactly, so realised plus unrealised P&amp;L always equals the fills' cash flows plus the
/// position at mark, whatever order the fills came in and however the realised amounts were rounded.
/// </summary>
/// <param name="Symbol">The instrument (<c>PF_XBTUSD</c>).</param>
/// <param name="Size">Signed size in contracts: positive long, negative short, zero flat.</param>
/// <param name="Cost">Signed entry value of the open size in USD (same sign as <paramref name="Size"/>, zero when flat).</param>
/// <param name="LastFillTime">When the position last changed.</param>
public sealed record FuturesPosition(string Symbol, decimal Size, decimal Cost, DateTimeOffset LastFillTime)
{
    /// <summary>True when there is no position.</summary>
    public bool IsFlat => Size == 0m;

    /// <summary>The average entry price (Kraken's <c>openpositions[].price</c>); zero when flat.</summary>
    public decimal EntryPrice => Size == 0m ? 0m : Cost / Size;

    /// <summary>Unrealised profit and loss at <paramref name="markPrice"/>, in USD.</summary>
    public decimal UnrealisedPnl(decimal markPrice) => (Size * markPrice) - Cost;

    /// <summary>The absolute USD value of the position at <paramref name="markPrice"/>.</summary>
    public decimal Notional(decimal markPrice) => Math.Abs(Size * markPrice);

    /// <summary>A flat position.</summary>
    public static FuturesPosition Flat(string symbol, DateTimeOffset time) => new(symbol, 0m, 0m, time);

    /// <summary>
    /// The position after a fill of <paramref name="signedQuantity"/> (buy positive, sell negative) at
    /// <paramref name="price"/>. A fill that reduces realises P&amp;L on the part it closes against the proportional share
    /// of <see cref="Cost"/>, rounded to <paramref name="pnlDecimals"/> (half away from zero); the rounding residue stays in
    /// the remaining cost, so nothing is lost. A fill larger than the position closes it and opens the rest the other way.
    /// </summary>
    public PositionFill Apply(decimal signedQuantity, decimal price, DateTimeOffset time, int pnlDecimals)
    {
        if (signedQuantity == 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(signedQuantity), "A fill has a non-zero quantity.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        if (Size == 0m || Math.Sign(Size) == Math.Sign(signedQuantity))
        {
            return new PositionFill(this with { Size = Size + signedQuantity, Cost = Cost + (signedQuantity * price), LastFillTime = time }, 0m, 0m, Math.Abs(signedQuantity));
        }

        // The closing part has the fill's sign and at most the position's size.
        var closing = Math.Abs(signedQuantity) >= Math.Abs(Size) ? -Size : signedQuantity;
        var proceeds = -closing * price;                // what the closed contracts are worth at the fill, signed like Size
        decimal realised;
        decimal removed;
        if (closing == -Size)
        {
            removed = Cost;
            realised = decimal.Round(proceeds - Cost, pnlDecimals, MidpointRounding.AwayFromZero);
        }
        else
        {
            var share = Cost * (-closing) / Size;
            realised = decimal.Round(proceeds - share, pnlDecimals, MidpointRounding.AwayFromZero);
            removed = proceeds - realised;              // keeps the rounding residue in the remaining cost
        }

        var size = Size + closing;
        var cost = size == 0m ? 0m : Cost - removed;
        var opening = signedQuantity - closing;
        if (opening != 0m)
        {
            size += opening;
            cost += opening * price;
        }

        return new PositionFill(this with { Size = size, Cost = cost, LastFillTime = time }, realised, Math.Abs(closing), Math.Abs(opening));
    }
}
