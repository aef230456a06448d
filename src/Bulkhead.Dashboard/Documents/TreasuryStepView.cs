namespace Bulkhead.Dashboard.Documents;

/// <summary>One treasury step.</summary>
/// <param name="Index">1-based.</param>
/// <param name="Kind">The step's kind.</param>
/// <param name="From">Source.</param>
/// <param name="To">Destination.</param>
/// <param name="Asset">Asset.</param>
/// <param name="Amount">Amount.</param>
/// <param name="State"><c>planned</c>, <c>pending</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Attempts">Calls made.</param>
/// <param name="StartedAt">When it was last journaled pending.</param>
/// <param name="RefId">The exchange's reference id.</param>
/// <param name="LedgerId">The master's ledger entry.</param>
/// <param name="Recognised">Whether a rerun found it on the exchange instead of repeating it.</param>
/// <param name="Error">The exchange's refusal.</param>
/// <param name="DoneAt">When it was journaled done.</param>
public sealed record TreasuryStepView(int Index, string Kind, string From, string To, string Asset, decimal Amount, string State, int Attempts, DateTimeOffset? StartedAt, string? RefId, string? LedgerId, bool Recognised, string? Error, DateTimeOffset? DoneAt);
