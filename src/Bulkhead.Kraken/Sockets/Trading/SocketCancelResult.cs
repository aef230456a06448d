namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// The answer to <c>cancel_order</c>, which Kraken answers with one frame per order (websocket.md §7, UNCONFIRMED): the
/// ids (as the request named them) that were cancelled, and those the exchange did not know as open orders.
/// </summary>
/// <param name="Cancelled">The ids cancelled.</param>
/// <param name="Unknown">The ids answered <c>EOrder:Unknown order</c>.</param>
public sealed record SocketCancelResult(IReadOnlyList<string> Cancelled, IReadOnlyList<string> Unknown);

/// <summary>A leverage preference of a derivatives contract (<c>set_preference</c>).</summary>
/// <param name="Symbol">The contract.</param>
/// <param name="MaxLeverage">The fixed leverage, or null for cross margin.</param>
public sealed record LeveragePreference(string Symbol, decimal? MaxLeverage);
