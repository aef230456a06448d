namespace Bulkhead.Dashboard.Documents;

/// <summary>One strategy's equity curve.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Account">Its subaccount.</param>
/// <param name="Points">Oldest first.</param>
public sealed record StrategyEquity(string Strategy, string Account, IReadOnlyList<EquityPointView> Points);
