namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// The per-venue half of the trading core: how a venue admits an order (funds, margin) and books a fill (Spot: base and
/// quote in the Spot wallet; Futures: positions and margin, in <c>Margin/</c>). Called under the exchange's lock, inside
/// one <see cref="TradingBatch"/> that is committed to the store as one transaction; never throws for a normal request.
/// Registered with the <see cref="TradingCore"/> per <see cref="TradingVenue"/> (Spot by the core itself, Futures by the
/// exchange: <see cref="Margin.FuturesSettlement"/> over the <see cref="Margin.MarginBook"/>).
/// </summary>
internal interface IVenueSettlement
{
    /// <summary>
    /// Checks a new order (or the new version of an amended one) and sizes what it reserves. <paramref name="order"/>
    /// carries the fee cap (the account's taker rate now); <paramref name="estimatedCost"/> is, for a market order, the
    /// quote value the book would fill now (from a read-only sweep), else null. <paramref name="releasing"/> is the hold of
    /// the version being replaced (amend/edit), which the new one may reuse.
    /// </summary>
    SettlementAdmission Admit(TradingBatch batch, SandboxOrder order, decimal? estimatedCost, decimal releasing);

    /// <summary>
    /// Books one side of a fill for <paramref name="order"/> into <paramref name="batch"/> (ledger entries under
    /// <see cref="FillSide.TradeId"/> as refid, positions, …) and says what it booked. Both sides of a fill are settled by
    /// the same venue; together the entries of one refid must sum to zero per asset (fee legs included).
    /// </summary>
    SettledFill Settle(TradingBatch batch, SandboxOrder order, FillSide fill);
}
