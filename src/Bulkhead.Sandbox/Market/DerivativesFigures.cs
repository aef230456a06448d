namespace Bulkhead.Sandbox.Market;

/// <summary>The derivatives part of a Futures instrument's ticker.</summary>
/// <param name="Mark">Mark price.</param>
/// <param name="Index">Index (spot) price.</param>
/// <param name="FundingRate">Current funding rate (the sandbox charges no funding: 0).</param>
/// <param name="OpenInterest">Open interest in contracts.</param>
public readonly record struct DerivativesFigures(decimal Mark, decimal Index, decimal FundingRate, decimal OpenInterest);
