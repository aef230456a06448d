namespace Bulkhead.Runtime.Worker;

/// <summary>What the next heartbeat line reports (replaced as a whole by the loop, read by the heartbeat timer).</summary>
internal sealed record HeartbeatState(int Orders, int Fills, int OpenOrders, decimal PnlUsd, decimal? EquityUsd, decimal Position, decimal DrawdownUsd);
