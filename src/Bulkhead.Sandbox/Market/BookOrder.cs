namespace Bulkhead.Sandbox.Market;

/// <summary>One order resting on a public book, as the order-by-order (L3) feed reads it.</summary>
/// <param name="OrderId">The order's txid (<c>OXXXXX-XXXXX-XXXXXX</c>); system accounts' orders too.</param>
/// <param name="Price">The limit price.</param>
/// <param name="Quantity">The quantity still resting (base units, or contracts).</param>
/// <param name="Priority">Its time priority on the level (smaller is older); renewed when an amend loses priority.</param>
/// <param name="OpenedAt">When the order was accepted.</param>
public readonly record struct BookOrder(string OrderId, decimal Price, decimal Quantity, long Priority, DateTimeOffset OpenedAt);
