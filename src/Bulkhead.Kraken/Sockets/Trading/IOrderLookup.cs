using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// Finds an order by its client order id after an ambiguous placement (the connection dropped, or no answer came, after
/// the request was sent), so that an order is sent again only when it is known not to have landed.
/// </summary>
public interface IOrderLookup
{
    /// <summary>The order placed with <paramref name="clientOrderId"/>, or <see cref="OrderLookupResult.NotFound"/>; a failure when the look-up itself failed (then nothing is resent).</summary>
    Task<KrakenResult<OrderLookupResult>> FindAsync(string clientOrderId, CancellationToken cancellationToken);
}

/// <summary>What a look-up by client order id found.</summary>
/// <param name="OrderId">The order's id, or null when no order carries the client order id.</param>
public sealed record OrderLookupResult(string? OrderId)
{
    /// <summary>No order carries the client order id.</summary>
    public static OrderLookupResult NotFound { get; } = new((string?)null);

    /// <summary>True when the order exists.</summary>
    public bool Landed => OrderId is not null;
}
