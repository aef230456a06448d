namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>When the <c>ticker</c> channel publishes (<c>event_trigger</c>).</summary>
public enum TickerTrigger
{
    /// <summary>After trades (<c>trades</c>, Kraken's default).</summary>
    Trades = 0,

    /// <summary>On every change of the best bid or ask (<c>bbo</c>).</summary>
    BestBidOffer,
}
