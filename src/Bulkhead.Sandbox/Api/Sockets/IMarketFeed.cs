using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// A public channel's publisher (book, ticker, trade, ohlc, level3…). The hub's market pump calls every feed on one
/// thread, outside the exchange's lock, after commits touched books, and once per heartbeat interval; a feed reads the
/// exchange, works out what changed since its last call, serializes each message once and broadcasts it.
/// </summary>
internal interface IMarketFeed
{
    /// <summary>Publishes what changed.</summary>
    void Publish(MarketPulse pulse);
}

/// <summary>What the pump knows at one call.</summary>
/// <param name="Dirty">Canonical symbols (<c>XXBTZUSD</c>, <c>PF_XBTUSD</c>) whose books or orders changed since the last pulse.</param>
/// <param name="Trades">Public trades taped since the last pulse, with their ids, in order.</param>
/// <param name="Now">The exchange's clock.</param>
/// <param name="Timer">True when the pulse is the periodic one (no commit triggered it).</param>
internal sealed record MarketPulse(IReadOnlySet<string> Dirty, IReadOnlyList<(string Symbol, PublicTrade Trade)> Trades, DateTimeOffset Now, bool Timer);
