namespace Bulkhead.Sandbox.Trading;

/// <summary>What one order operation did.</summary>
/// <param name="Order">The order as it stands after the operation (for <c>validate</c>, the order that would be placed, with an empty id).</param>
/// <param name="Trades">The trades of this account's order in this operation (the counterparties' sides are not listed).</param>
/// <param name="Cancelled">Other orders the operation closed (the edited original, self-trade prevention's victims).</param>
public sealed record SandboxOrderOutcome(SandboxOrder Order, IReadOnlyList<SandboxTrade> Trades, IReadOnlyList<SandboxOrder> Cancelled);
