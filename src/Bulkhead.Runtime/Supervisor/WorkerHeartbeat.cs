namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// The last <c>heartbeat</c> line of a worker (Contract W), as parsed by the supervisor. Every field is optional: a role
/// reports what it has (the dashboard monitor trades nothing).
/// </summary>
/// <param name="Time">The line's own time.</param>
/// <param name="Orders">Orders sent since the worker started.</param>
/// <param name="Fills">Fills journaled since the worker started.</param>
/// <param name="OpenOrders">Orders open on the exchange.</param>
/// <param name="LastNonceAt">When the key last signed a request.</param>
/// <param name="Guard">The lockout guard: <c>ok</c> or <c>halted</c>.</param>
/// <param name="PnlUsd">The strategy's P&amp;L in USD (FillPnl at the current marks).</param>
/// <param name="EquityUsd">The account's equity in USD.</param>
/// <param name="Position">The strategy's position in its instrument.</param>
public sealed record WorkerHeartbeat(
    DateTimeOffset? Time,
    long? Orders,
    long? Fills,
    long? OpenOrders,
    DateTimeOffset? LastNonceAt,
    string? Guard,
    decimal? PnlUsd,
    decimal? EquityUsd,
    decimal? Position)
{
    /// <summary>The strategy's drawdown in USD: peak P&amp;L minus P&amp;L now, as its risk check sees it (traders).</summary>
    public decimal? DrawdownUsd { get; init; }

    /// <summary>The worker's socket when it streams (transport websocket); null on REST.</summary>
    public WorkerSocket? Socket { get; init; }
}
