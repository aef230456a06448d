using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Venues;

/// <summary>
/// What the strategy host needs of one account on one venue, venue-neutral: quotes, order entry (the Kraken layer's
/// <see cref="VenueOrderRequest"/>), the dead man's switch, open orders, fills with fees, and the account's value.
/// <see cref="StrategyVenue"/> maps it onto the Kraken layer's <see cref="IAccountVenue"/> (any venue, any transport). A
/// refusal is a failed <see cref="KrakenResult{T}"/> with the exchange's error.
/// </summary>
public interface ITradingVenue
{
    /// <summary>Spot or Futures.</summary>
    Venue Venue { get; }

    /// <summary>The price step of <paramref name="symbol"/> (limit prices must be multiples of it).</summary>
    Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>The top of <paramref name="symbol"/>'s book and its mark.</summary>
    Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Places an order (its client order id is always set by the caller).</summary>
    Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels one order.</summary>
    Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken);

    /// <summary>Cancels every open order of the account; returns how many.</summary>
    Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken);

    /// <summary>Arms (or with zero disarms) the dead man's switch; its trigger time is null when disarmed.</summary>
    Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The account's resting orders.</summary>
    Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The account's fills with fees, newest first: the most recent ones, or with <paramref name="everything"/> the whole
    /// history the exchange keeps (the catch-up at start). <paramref name="known"/> tells which fill ids are journaled
    /// already, so paging stops early.
    /// </summary>
    Task<KrakenResult<IReadOnlyList<VenueFill>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken);

    /// <summary>The account's value in USD and its snapshots.</summary>
    Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken);
}
