namespace Bulkhead.Dashboard.Documents;

/// <summary>P&amp;L totals in USD.</summary>
/// <param name="RealisedUsd">Σ realised.</param>
/// <param name="UnrealisedUsd">Σ unrealised.</param>
/// <param name="FeesUsd">Σ fees.</param>
/// <param name="PnlUsd">Σ P&amp;L.</param>
public sealed record PnlFigures(decimal RealisedUsd, decimal UnrealisedUsd, decimal FeesUsd, decimal PnlUsd);
