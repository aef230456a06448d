using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Margin;

/// <summary>A new Futures order (<c>sendorder</c>, a <c>batchorder</c> send).</summary>
/// <param name="Account">The account placing it.</param>
/// <param name="Symbol">The instrument, as the catalogue spells it (<c>PF_XBTUSD</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Limit, post-only, market or IOC.</param>
/// <param name="Size">Contracts, positive, within the instrument's decimals.</param>
/// <param name="LimitPrice">The limit price (on tick); null for a market order.</param>
/// <param name="ReduceOnly">Trimmed to the position; refused if it would open or add.</param>
/// <param name="ClientOrderId">Kraken's <c>cliOrdId</c>, unique among the account's orders; null for none.</param>
public sealed record FuturesOrderCommand(string Account, string Symbol, Side Side, FuturesOrderKind Kind, decimal Size, decimal? LimitPrice, bool ReduceOnly, string? ClientOrderId);
