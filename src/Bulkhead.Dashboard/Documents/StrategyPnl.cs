namespace Bulkhead.Dashboard.Documents;

/// <summary>One strategy's P&amp;L in USD.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Account">Its subaccount.</param>
/// <param name="RealisedUsd">Realised, before fees.</param>
/// <param name="UnrealisedUsd">Open positions at the marks.</param>
/// <param name="FeesUsd">Fees paid.</param>
/// <param name="PnlUsd">Realised + unrealised − fees.</param>
/// <param name="VolumeUsd">Traded notional.</param>
/// <param name="Fills">Fills journaled.</param>
public sealed record StrategyPnl(string Strategy, string Account, decimal RealisedUsd, decimal UnrealisedUsd, decimal FeesUsd, decimal PnlUsd, decimal VolumeUsd, int Fills);
