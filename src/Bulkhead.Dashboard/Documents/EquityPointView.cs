namespace Bulkhead.Dashboard.Documents;

/// <summary>One equity point.</summary>
/// <param name="Time">When it was marked.</param>
/// <param name="PnlUsd">The strategy's P&amp;L then (realised + unrealised − fees).</param>
/// <param name="EquityUsd">Its account's equity then.</param>
public sealed record EquityPointView(DateTimeOffset Time, decimal PnlUsd, decimal EquityUsd);
