namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>The channels the client reads, recognised from a frame's <c>channel</c> without allocating.</summary>
internal enum SocketChannelName
{
    None = 0,
    Unknown,
    Status,
    Heartbeat,
    Book,
    Ticker,
    Trade,
    Ohlc,
    Instrument,
    Executions,
    Balances,
    Positions,
    Margin,
    Ledgers,
}
