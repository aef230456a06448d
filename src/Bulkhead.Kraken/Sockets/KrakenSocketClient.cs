using System.Net.WebSockets;
using System.Threading.Channels;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Kraken.Sockets;

/// <summary>
/// One WebSocket connection to one of Kraken's v2 endpoints (Spot v2 or Unified, public or private), kept alive for the
/// client's lifetime: an application <c>ping</c> when quiet and a watchdog that replaces a silent connection, reconnects
/// with jittered backoff, every subscription renewed on each new connection (with a fresh token on a private one), books
/// verified by checksum and resynchronised on a mismatch, requests matched to their answers by <c>req_id</c>, and a send
/// rate per connection. Streams are typed (market partial, account partial); order entry keeps the REST rule: every
/// order carries a client order id, and after an ambiguous outcome it is looked up before it is ever sent again
/// (trading partial). Every timer runs on the given <see cref="TimeProvider"/>. Tokens never appear in logs, errors or
/// <see cref="ToString"/>.
/// </summary>
public sealed partial class KrakenSocketClient : IAsyncDisposable
{
    /// <summary>A connection that lived this long counts as healthy: the next drop starts the backoff from its first step.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(10);

    private readonly KrakenSocketOptions _options;
    private readonly KrakenSocketEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly ISocketTokenSource? _tokens;
    private readonly IOrderLookup? _lookup;
    private readonly ILogger _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly PendingRequests _pending = new();
    private readonly SubscriptionRegistry _registry;
    private readonly OrderPlacement _placement;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Func<Task>> _control = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _stateLock = new();
    private TaskCompletionSource<SocketSession> _ready = NewReady();
    private SocketSession? _session;
    private SocketMessageLimiter _limiter;
    private ITimer? _watchdog;
    private Task? _supervisor;
    private Task? _controlLoop;
    private SocketConnectionState _state;
    private long _lastReceived;
    private long _reqId;
    private int _sessionNumber;
    private long _reconnects;
    private long _silentAborts;
    private long _bookResyncs;
    private long _received;
    private long _malformed;
    private int _closing;

    /// <summary>Creates a client; nothing is opened until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">The endpoint and the connection's timings and limits; validated and copied.</param>
    /// <param name="time">The clock of every timer (watchdog, backoff, request timeouts, send rate).</param>
    /// <param name="tokens">The key's tokens; required on a private endpoint.</param>
    /// <param name="orderLookup">
    /// How an ambiguous order is looked up. Null: REST through the token source's Spot client on Spot v2
    /// (<see cref="SpotRestOrderLookup"/>), the executions snapshot on Unified (<see cref="ExecutionsSnapshotLookup"/>).
    /// </param>
    /// <param name="logger">A logger, or null.</param>
    /// <param name="jitter">The reconnect jitter's source; <see cref="Random.Shared"/> when null.</param>
    public KrakenSocketClient(KrakenSocketOptions options, TimeProvider time, ISocketTokenSource? tokens = null, IOrderLookup? orderLookup = null, ILogger<KrakenSocketClient>? logger = null, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.ValidatedCopy();
        _endpoint = _options.Endpoint!;
        if (_endpoint.IsPrivate && tokens is null)
        {
            throw new ArgumentException("A private endpoint needs a token source (SpotSocketTokens over the key's SpotClient).", nameof(tokens));
        }

        _time = time;
        _tokens = tokens;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _backoff = new ReconnectBackoff(_options.ReconnectBaseDelay, _options.ReconnectMaxDelay, jitter);
        _registry = new SubscriptionRegistry(OnBookLost);
        _limiter = NewLimiter();
        _lookup = orderLookup ?? DefaultLookup();
        _placement = new OrderPlacement(new KrakenClientOptions { MaxRetries = _options.MaxOrderResends, RetryBaseDelay = _options.OrderLookupDelay }, time, _logger);
    }

    /// <summary>The endpoint.</summary>
    public KrakenSocketEndpoint Endpoint => _endpoint;

    /// <summary>Where the connection is.</summary>
    public SocketConnectionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Opens the first connection. On success the client keeps itself connected until it is disposed (reconnecting after
    /// any drop); a failed first attempt is returned and nothing keeps running. Returns the connection's number (1).
    /// </summary>
    public async Task<KrakenResult<int>> ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closing) != 0, this);
        lock (_stateLock)
        {
            if (_state != SocketConnectionState.Disconnected)
            {
                throw new InvalidOperationException($"ConnectAsync was already called (the client is {_state}).");
            }

            _state = SocketConnectionState.Connecting;
        }

        var session = await OpenAsync(1, cancellationToken).ConfigureAwait(false);
        if (!session.Success)
        {
            SetState(SocketConnectionState.Disconnected);
            return session.Error;
        }

        _controlLoop = Task.Run(ControlLoopAsync, CancellationToken.None);
        _supervisor = Task.Run(() => SuperviseAsync(session.Value), CancellationToken.None);
        _watchdog = _time.CreateTimer(_ => OnWatchdog(), null, _options.PingInterval, _options.PingInterval);
        await WaitForSessionAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return KrakenResult<int>.Ok(session.Value.Number);
    }

    /// <summary>The client's health now.</summary>
    public SocketClientStats GetStats()
    {
        var last = Volatile.Read(ref _lastReceived);
        return new SocketClientStats(
            State,
            Volatile.Read(ref _sessionNumber),
            Interlocked.Read(ref _reconnects),
            Interlocked.Read(ref _silentAborts),
            Interlocked.Read(ref _bookResyncs),
            Interlocked.Read(ref _received),
            Interlocked.Read(ref _malformed),
            last == 0 ? null : _time.GetElapsedTime(last),
            _pending.Count,
            [.. _registry.All.Select(s => s.Key)]);
    }

    /// <summary>Closes the connection (politely, then at once), ends every stream and fails what is still pending.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _watchdog?.Dispose();

        // A close frame for the server, then the receive loop is stopped (no wait on the clock, which may be a test's).
        var session = Volatile.Read(ref _session);
        if (session is not null)
        {
            await session.CloseAsync(TimeSpan.FromSeconds(1), _time).ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        session?.Abort();
        _control.Writer.TryComplete();
        foreach (var task in new[] { _supervisor, _controlLoop }.OfType<Task>())
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _pending.FailAll(KrakenErrors.Connection("the client was closed before the answer arrived"));
        foreach (var subscription in _registry.All)
        {
            _registry.Remove(subscription);
            subscription.Close();
        }

        SetState(SocketConnectionState.Closed);
        _stop.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"KrakenSocketClient({_endpoint.Url}, {State})";

    private static TaskCompletionSource<SocketSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SocketMessageLimiter NewLimiter() => new(_options.MessageBurst, _options.MessagesPerSecond, _time);

    private IOrderLookup? DefaultLookup() => _tokens switch
    {
        SpotSocketTokens spot when _endpoint.Protocol == SocketProtocol.SpotV2 => new SpotRestOrderLookup(spot.Spot),
        not null when _endpoint.IsPrivate => new ExecutionsSnapshotLookup(_endpoint, _tokens, _time, _options.RequestTimeout),
        _ => null,
    };

    private void SetState(SocketConnectionState state)
    {
        lock (_stateLock)
        {
            if (_state != SocketConnectionState.Closed)
            {
                _state = state;
            }
        }
    }

    /// <summary>Opens a connection and journals the attempt.</summary>
    private async Task<KrakenResult<SocketSession>> OpenAsync(int number, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var timestamp = _time.GetTimestamp();
        try
        {
            var session = await SocketSession.OpenAsync(_endpoint.Url, number, _options.ConnectTimeout, _time, cancellationToken).ConfigureAwait(false);
            Journal(started, timestamp, "connect", null);
            Log.SocketConnected(_logger, _endpoint.Url, number);
            return KrakenResult<SocketSession>.Ok(session);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var error = KrakenErrors.Connection($"connecting to {_endpoint.Url} failed: {exception.Message}");
            Journal(started, timestamp, "connect", error);
            Log.SocketConnectFailed(_logger, _endpoint.Url, number, exception.Message);
            return error;
        }
    }
}
