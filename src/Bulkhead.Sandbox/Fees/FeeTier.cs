namespace Bulkhead.Sandbox.Fees;

/// <summary>One row of a fee schedule: from <paramref name="Volume"/> (30-day USD volume, inclusive) up, these percentages apply.</summary>
/// <param name="Volume">The tier's lower bound in USD (inclusive).</param>
/// <param name="MakerPercent">Maker fee in percent of the trade's value.</param>
/// <param name="TakerPercent">Taker fee in percent of the trade's value.</param>
public sealed record FeeTier(decimal Volume, decimal MakerPercent, decimal TakerPercent);
