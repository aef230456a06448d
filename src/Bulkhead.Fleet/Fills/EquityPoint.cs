namespace Bulkhead.Fleet.Fills;

/// <summary>A strategy's mark-to-market P&amp;L at one moment (what the equity curves plot), in USD.</summary>
/// <param name="Account">The strategy's subaccount.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Time">When it was marked.</param>
/// <param name="EquityUsd">The account's balances valued at the marks, in USD.</param>
/// <param name="RealisedPnlUsd">Realised P&amp;L of its fills so far (average cost), before fees.</param>
/// <param name="UnrealisedPnlUsd">The open positions marked to market.</param>
/// <param name="FeesUsd">Fees paid so far.</param>
public sealed record EquityPoint(
    string Account,
    string Strategy,
    DateTimeOffset Time,
    decimal EquityUsd,
    decimal RealisedPnlUsd,
    decimal UnrealisedPnlUsd,
    decimal FeesUsd)
{
    /// <summary>Realised + unrealised − fees.</summary>
    public decimal PnlUsd => RealisedPnlUsd + UnrealisedPnlUsd - FeesUsd;
}
