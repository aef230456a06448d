namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The account's margin summary in one asset.</summary>
/// <param name="EquivalentBalance">Combined balance of all currencies.</param>
/// <param name="EquityBalance">Combined balance of all equity currencies.</param>
/// <param name="MarginUsed">Margin used by open positions.</param>
/// <param name="UnrealizedProfitLoss">Unrealized net profit or loss of open positions.</param>
/// <param name="CostBasis">Cost basis of open positions.</param>
/// <param name="FloatingValuation">Current floating valuation of open positions.</param>
/// <param name="Equity">Trade balance plus unrealized profit or loss.</param>
/// <param name="FreeMargin">Equity minus margin used.</param>
/// <param name="MarginLevel">Equity over margin used, in percent; null without open positions.</param>
public sealed record TradeBalance(
    decimal EquivalentBalance,
    decimal EquityBalance,
    decimal MarginUsed,
    decimal UnrealizedProfitLoss,
    decimal CostBasis,
    decimal FloatingValuation,
    decimal Equity,
    decimal FreeMargin,
    decimal? MarginLevel);
