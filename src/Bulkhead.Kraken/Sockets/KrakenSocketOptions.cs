using Bulkhead.Kraken.Journal;

namespace Bulkhead.Kraken.Sockets;

/// <summary>How a <see cref="KrakenSocketClient"/> connects, keeps its connection alive and paces its requests.</summary>
public sealed class KrakenSocketOptions
{
    /// <summary>The endpoint; required.</summary>
    /// <value>Null (must be set).</value>
    public KrakenSocketEndpoint? Endpoint { get; set; }

    /// <summary>How long opening a connection (TCP, TLS, upgrade) may take.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a request waits for its answer once sent, and how long it may wait for a connection before it is refused
    /// unsent (<c>Bulkhead:Not connected</c>).
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the watchdog looks at the connection; when nothing was received for half of it, the client sends an
    /// application <c>ping</c> (a subscribed connection gets heartbeats every second and rarely needs one).
    /// </summary>
    /// <value>5 seconds.</value>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A connection that received nothing (no data, heartbeat or pong) for this long is dead: it is aborted and replaced.</summary>
    /// <value>15 seconds (three ping intervals).</value>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first reconnect delay; each failed attempt doubles it up to <see cref="ReconnectMaxDelay"/>, with jitter (<see cref="ReconnectBackoff"/>).</summary>
    /// <value>250 milliseconds.</value>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest reconnect delay.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests one connection may send at once (the send rate's bucket).</summary>
    /// <value>100 (the sandbox's figure; Kraken publishes none).</value>
    public int MessageBurst { get; set; } = 100;

    /// <summary>Requests per second one connection sustains.</summary>
    /// <value>50 (the sandbox's figure; Kraken publishes none).</value>
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>How long a request may wait for the send rate before it is refused unsent (<c>Bulkhead:Rate budget exhausted</c>).</summary>
    /// <value>5 seconds.</value>
    public TimeSpan MaxSendWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Messages a market stream (ticker, trade, ohlc) holds for a slow reader; past it the oldest is dropped and counted
    /// (<see cref="Feeds.SocketFeed{T}.Dropped"/>). Account streams never drop.
    /// </summary>
    /// <value>1,024.</value>
    public int MarketFeedCapacity { get; set; } = 1024;

    /// <summary>
    /// Times an order placement may be sent again after an ambiguous outcome, and only once a look-up by its client order
    /// id found that it did not land.
    /// </summary>
    /// <value>1.</value>
    public int MaxOrderResends { get; set; } = 1;

    /// <summary>How long to wait after an ambiguous order outcome before looking the order up (a deadline on the order makes it wait until that passed).</summary>
    /// <value>500 milliseconds.</value>
    public TimeSpan OrderLookupDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Where a private connection's sessions are recorded: connect, subscribe, each order request, disconnect (never the token).</summary>
    /// <value>Null: nothing is recorded.</value>
    public ICallJournal? CallJournal { get; set; }

    internal KrakenSocketOptions ValidatedCopy()
    {
        var endpoint = Endpoint ?? throw new ArgumentException("The field Endpoint is required.");
        if (endpoint.Url is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            throw new ArgumentException($"The field Endpoint.Url must be an absolute ws or wss URL, not '{endpoint.Url}'.");
        }

        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(PingInterval, nameof(PingInterval));
        Positive(ReconnectMaxDelay, nameof(ReconnectMaxDelay));
        if (SilenceTimeout <= PingInterval)
        {
            throw new ArgumentException("The field SilenceTimeout must be longer than PingInterval.");
        }

        if (ReconnectBaseDelay < TimeSpan.Zero || ReconnectBaseDelay > ReconnectMaxDelay)
        {
            throw new ArgumentException("The field ReconnectBaseDelay must be between zero and ReconnectMaxDelay.");
        }

        if (MessageBurst < 1 || MessagesPerSecond < 1 || MarketFeedCapacity < 1)
        {
            throw new ArgumentException("The fields MessageBurst, MessagesPerSecond and MarketFeedCapacity must be at least 1.");
        }

        if (MaxSendWait < TimeSpan.Zero || OrderLookupDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("The fields MaxSendWait and OrderLookupDelay must not be negative.");
        }

        if (MaxOrderResends is < 0 or > 5)
        {
            throw new ArgumentException("The field MaxOrderResends must be between 0 and 5.");
        }

        return (KrakenSocketOptions)MemberwiseClone();
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The field {name} must be positive.");
        }
    }
}
