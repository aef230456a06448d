using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// A new order for the venue-neutral trading core (<see cref="SandboxExchange.PlaceOrder"/>): Spot endpoints, the Futures
/// module and the liquidity provider all place through it.
/// </summary>
/// <param name="Account">The account (a user account, or a system account such as <c>@market</c>).</param>
/// <param name="Venue">Spot or Futures; decides the book's scale, the settlement and the fee table.</param>
/// <param name="Symbol">Pair (<c>XXBTZUSD</c>, altname or wsname accepted for Spot) or Futures symbol (<c>PF_XBTUSD</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Limit or market.</param>
/// <param name="Volume">Quantity (base units for Spot, contracts for Futures); must fit the lot decimals.</param>
/// <param name="Price">Limit price (on the tick); null for a market order.</param>
/// <param name="TimeInForce">GTC or IOC.</param>
/// <param name="ExpiresAt">GTD: the order expires (status <c>expired</c>) at this time; null for none.</param>
/// <param name="Flags">Kraken <c>oflags</c> (post, fcib, fciq, nompp).</param>
/// <param name="SelfTrade">Self-trade prevention.</param>
/// <param name="ReduceOnly">Futures reduce-only (the Futures module trims before placing); ignored for Spot.</param>
/// <param name="UserRef">Kraken <c>userref</c>.</param>
/// <param name="ClientOrderId">Kraken <c>cl_ord_id</c>; unique among the account's open orders.</param>
/// <param name="ValidateOnly">Check everything, change nothing (Kraken <c>validate=true</c>).</param>
public sealed record SandboxOrderRequest(
    string Account,
    TradingVenue Venue,
    string Symbol,
    Side Side,
    OrderKind Kind,
    decimal Volume,
    decimal? Price = null,
    TimeInForce TimeInForce = TimeInForce.GoodTillCancelled,
    DateTimeOffset? ExpiresAt = null,
    SandboxOrderConditions Flags = SandboxOrderConditions.None,
    SelfTradePrevention SelfTrade = SelfTradePrevention.CancelNewest,
    bool ReduceOnly = false,
    long? UserRef = null,
    string? ClientOrderId = null,
    bool ValidateOnly = false);
