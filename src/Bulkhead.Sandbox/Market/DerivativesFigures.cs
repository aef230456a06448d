namespace Bulkhead.Sandbox.Market;

/// <summary>The derivatives part of a Futures instrument's ticker.</summary>
/// <param name="Mark">Mark price.</param>
/// <param name="Index">Index (spot) price.</param>
/// <param name="FundingRate">The last published hourly funding rate, absolute (USD per contract; 0 before the first).</param>
/// <param name="OpenInterest">Open interest in contracts.</param>
/// <param name="FundingRatePrediction">The absolute rate the hour in progress would publish now.</param>
public readonly record struct DerivativesFigures(decimal Mark, decimal Index, decimal FundingRate, decimal OpenInterest, decimal FundingRatePrediction = 0m);
