using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// An order on the sandbox exchange, Spot or Futures, as of its last change. Immutable: every change (fill, amend,
/// cancel) writes a new version with the same <see cref="Id"/>, persisted in the same transaction as its ledger entries.
/// </summary>
/// <param name="Id">Kraken-style txid, <c>OXXXXX-XXXXX-XXXXXX</c>.</param>
/// <param name="EngineId">The matching engine's order id (a global sequence).</param>
/// <param name="Account">The account's name (a system account such as <c>@market</c> too).</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Symbol">The pair id (<c>XXBTZUSD</c>) or Futures symbol (<c>PF_XBTUSD</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Limit or market.</param>
/// <param name="Price">The limit price; null for a market order.</param>
/// <param name="Volume">The order's volume (base units, or contracts).</param>
/// <param name="Executed">Volume filled so far.</param>
/// <param name="Cost">Quote value filled so far.</param>
/// <param name="Fee">Fees paid so far (in <see cref="FeeAsset"/>).</param>
/// <param name="Status">Open, closed, canceled or expired.</param>
/// <param name="OpenedAt">When it was accepted.</param>
/// <param name="ClosedAt">When it stopped being open; null while open.</param>
/// <param name="UserRef">Kraken's <c>userref</c>.</param>
/// <param name="ClientOrderId">Kraken's <c>cl_ord_id</c> (Futures <c>cliOrdId</c>).</param>
/// <param name="Flags">Kraken's <c>oflags</c>.</param>
/// <param name="TimeInForce">GTC or IOC (GTD is GTC with <see cref="ExpiresAt"/>).</param>
/// <param name="ExpiresAt">GTD expiry; null for none.</param>
/// <param name="SelfTrade">Self-trade prevention.</param>
/// <param name="ReduceOnly">Futures reduce-only (ignored for Spot cash).</param>
/// <param name="Reason">Why it was cancelled or expired (Kraken's <c>reason</c>); null otherwise.</param>
/// <param name="Hold">What the open order still reserves, in <see cref="HoldAsset"/> (Spot: quote for buys, base for sells); 0 once closed.</param>
/// <param name="HoldAsset">The asset <see cref="Hold"/> is in; null if the venue reserves nothing this way.</param>
/// <param name="FeeCap">The fee rate (percent) the hold was sized for; a fill never charges more than this.</param>
/// <param name="FeeAsset">The asset fees are charged in.</param>
/// <param name="Priority">Time priority for rebuilding the book: the sequence at which it last joined the back of a level.</param>
public sealed record SandboxOrder(
    string Id,
    long EngineId,
    string Account,
    TradingVenue Venue,
    string Symbol,
    Side Side,
    OrderKind Kind,
    decimal? Price,
    decimal Volume,
    decimal Executed,
    decimal Cost,
    decimal Fee,
    SandboxOrderStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    long? UserRef,
    string? ClientOrderId,
    SandboxOrderConditions Flags,
    TimeInForce TimeInForce,
    DateTimeOffset? ExpiresAt,
    SelfTradePrevention SelfTrade,
    bool ReduceOnly,
    string? Reason,
    decimal Hold,
    string? HoldAsset,
    decimal FeeCap,
    string FeeAsset,
    long Priority)
{
    /// <summary>Volume not yet filled.</summary>
    public decimal Remaining => Volume - Executed;

    /// <summary>True while the order rests on the book.</summary>
    public bool IsOpen => Status == SandboxOrderStatus.Open;

    /// <summary>The average fill price (0 before any fill).</summary>
    public decimal AveragePrice => Executed == 0 ? 0m : Cost / Executed;
}
