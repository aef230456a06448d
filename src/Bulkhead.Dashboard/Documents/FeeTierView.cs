namespace Bulkhead.Dashboard.Documents;

/// <summary>One tier of the fee ladder.</summary>
/// <param name="MinVolumeUsd">The 30-day volume from which it applies.</param>
/// <param name="MakerPct">Maker fee, percent.</param>
/// <param name="TakerPct">Taker fee, percent.</param>
public sealed record FeeTierView(decimal MinVolumeUsd, decimal MakerPct, decimal TakerPct);
