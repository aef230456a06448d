namespace Bulkhead.Kraken.Spot;

/// <summary>One tier of a fee ladder: from <paramref name="MinVolumeUsd"/> of 30-day volume, these fees apply.</summary>
/// <param name="MinVolumeUsd">The tier's threshold (inclusive).</param>
/// <param name="MakerPercent">Maker fee, percent.</param>
/// <param name="TakerPercent">Taker fee, percent.</param>
public sealed record FeeLadderTier(decimal MinVolumeUsd, decimal MakerPercent, decimal TakerPercent);
