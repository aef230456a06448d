namespace Bulkhead.Kraken.Spot.Models;

/// <summary>What placing an order produced.</summary>
/// <param name="OrderIds">The new order's ids (one for a simple order; none when only validated).</param>
/// <param name="Description">The exchange's one-line description of the order.</param>
/// <param name="ClientOrderId">The client order id the order was sent with (generated when the request had none).</param>
/// <param name="RecoveredFrom">
/// Null normally. When the placement's answer was a transient failure and the order was then found by its client order
/// id, the error code of that failure: the order is live although the first answer said otherwise.
/// </param>
public sealed record AddOrderResult(IReadOnlyList<string> OrderIds, string Description, string ClientOrderId, string? RecoveredFrom = null);
