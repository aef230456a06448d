namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// One published hourly funding rate of a perpetual (Kraken's <c>historicalfundingrates</c> item).
/// </summary>
/// <param name="Symbol">The perpetual (<c>PF_XBTUSD</c>).</param>
/// <param name="Time">The hour boundary at which it was published and charged.</param>
/// <param name="Relative">The relative rate: the fraction of a position's notional a long pays (a short receives) for the hour.</param>
/// <param name="Absolute">The absolute rate: USD per contract for the hour, <c>Relative × mark</c> at publication (Kraken's <c>fundingRate</c>).</param>
public sealed record FundingRate(string Symbol, DateTimeOffset Time, decimal Relative, decimal Absolute);
