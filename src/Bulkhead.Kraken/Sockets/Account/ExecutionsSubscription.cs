namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>What an <c>executions</c> subscription asks for.</summary>
/// <param name="SnapOrders">The open orders as a snapshot first (<c>snap_orders</c>, Kraken's default true).</param>
/// <param name="SnapTrades">The last 50 fills as a snapshot first (<c>snap_trades</c>, default false).</param>
/// <param name="AllStatuses">Every status transition (<c>order_status</c>, default true); false streams only new, filled, canceled, expired.</param>
/// <param name="RateCounter">The trading counter on order events (<c>ratecounter</c>, default false).</param>
public sealed record ExecutionsSubscription(bool SnapOrders = true, bool SnapTrades = false, bool AllStatuses = true, bool RateCounter = false);
