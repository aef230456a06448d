using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Events;

/// <summary>One committed version of an order, with the version it replaced (null for a new order).</summary>
/// <param name="Previous">The order as it was before this commit; null when the commit created it.</param>
/// <param name="Current">The order as committed.</param>
public readonly record struct OrderChange(SandboxOrder? Previous, SandboxOrder Current);
