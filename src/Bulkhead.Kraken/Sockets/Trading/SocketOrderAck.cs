namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>The answer to <c>add_order</c>: the order's id, and the client order id it was sent with.</summary>
/// <param name="OrderId">The exchange's order id; empty for a validate-only order.</param>
/// <param name="ClientOrderId">The client order id the order carries.</param>
/// <param name="UserReference">The user reference echoed, or null.</param>
/// <param name="RecoveredFrom">
/// Null when the exchange acknowledged this send; else the error code of an ambiguous outcome after which the order was
/// found by its client order id (it had landed: it was not sent again).
/// </param>
public sealed record SocketOrderAck(string OrderId, string ClientOrderId, long? UserReference = null, string? RecoveredFrom = null);

/// <summary>One order's outcome in a <c>batch_add</c>: its id, or the exchange's refusal of that order.</summary>
/// <param name="OrderId">The order id; null when refused.</param>
/// <param name="ClientOrderId">The client order id.</param>
/// <param name="UserReference">The user reference echoed, or null.</param>
/// <param name="Error">The refusal, or null.</param>
public sealed record SocketBatchOrderResult(string? OrderId, string ClientOrderId, long? UserReference, Errors.KrakenError? Error);
