namespace Bulkhead.Runtime.Metrics;

/// <summary>One account's figures (each null when its source has nothing yet).</summary>
/// <param name="Account">The master or a subaccount.</param>
/// <param name="EquityUsd">Its equity in USD (balances valued at the marks; Futures: the flex portfolio value).</param>
/// <param name="MarginLevel">Futures: portfolio value ÷ maintenance margin (liquidation at 1; null without positions).</param>
/// <param name="SpotRestHeadroom">The fraction left of its tightest key's Spot REST counter (Kraken counts it per key; 1 = untouched).</param>
/// <param name="TradingHeadroom">The fraction left of its tightest trading budget.</param>
public sealed record AccountFigures(string Account, decimal? EquityUsd, decimal? MarginLevel, decimal? SpotRestHeadroom, decimal? TradingHeadroom);
