namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/pnl</c>: each strategy's P&amp;L from the fill journal (FillPnl, average cost) at the marks.</summary>
/// <param name="Strategies">The manifest's strategies in order.</param>
/// <param name="Consolidated">Σ over the strategies.</param>
/// <param name="MarksAt">When the marks were read (null: none yet).</param>
/// <param name="Error">Why the journal or the marks could not be read.</param>
public sealed record PnlPart(IReadOnlyList<StrategyPnl> Strategies, PnlFigures Consolidated, DateTimeOffset? MarksAt, string? Error);
