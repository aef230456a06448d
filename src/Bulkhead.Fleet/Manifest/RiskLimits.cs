namespace Bulkhead.Fleet.Manifest;

/// <summary>A subaccount's risk limits (<c>risk = { … }</c>); absent values are not limited here.</summary>
/// <param name="MaxPosition">Largest absolute position, in base units.</param>
/// <param name="MaxNotionalUsd">Largest notional exposure in USD.</param>
/// <param name="MaxDrawdownUsd">Largest drawdown in USD before the strategy is flattened.</param>
public sealed record RiskLimits(decimal? MaxPosition, decimal? MaxNotionalUsd, decimal? MaxDrawdownUsd)
{
    /// <summary>True when at least one limit is set.</summary>
    public bool Any => MaxPosition is not null || MaxNotionalUsd is not null || MaxDrawdownUsd is not null;
}
