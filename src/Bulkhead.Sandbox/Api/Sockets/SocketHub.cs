using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Market;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The sandbox's WebSocket server state: every open connection, the per-address connection limit, the channels and
/// methods of the four endpoints (<see cref="SocketCatalog"/>), the heartbeat and idle timer, and the market pump that
/// runs the public feeds outside the exchange's lock. It listens to the exchange's domain events: private channels
/// receive them on the committing thread (enqueue only); public feeds are woken to publish what changed. The socket faults
/// of <see cref="FaultSettings"/> act here: dropping every connection, and cutting a connection after an order request
/// committed and before its answer (the frame delay is each connection's, the book checksum the book channel's).
/// </summary>
public sealed class SocketHub : IHostedService, IExchangeListener, IDisposable
{
    private readonly ConcurrentDictionary<ulong, SocketConnection> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<(string Symbol, PublicTrade Trade)> _taped = [];

    /// <summary>The order-entry methods the <see cref="FaultSettings.DropBeforeAck"/> fault applies to (on both private endpoints).</summary>
    private static readonly HashSet<string> OrderMethods = new(StringComparer.Ordinal)
    {
        "add_order", "batch_add", "amend_order", "edit_order", "cancel_order", "cancel_all", "batch_cancel",
    };

    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _listening;
    private ITimer? _timer;
    private Task? _pump;
    private int _disposed;

    /// <summary>Creates the hub over an exchange and its market data, with the sandbox's injected faults.</summary>
    public SocketHub(SandboxExchange exchange, MarketData market, SocketOptions options, FaultSettings faults, ILogger<SocketHub>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(faults);
        options.ThrowIfInvalid();
        Exchange = exchange;
        Market = market;
        Options = options;
        Faults = faults;
        MessageBucket = options.Limits.MessageBucket();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Catalog = new SocketCatalog(this);
    }

    /// <summary>The exchange.</summary>
    public SandboxExchange Exchange { get; }

    /// <summary>The public market data (trade tape, depth).</summary>
    public MarketData Market { get; }

    /// <summary>The limits.</summary>
    public SocketOptions Options { get; }

    /// <summary>Each connection's request budget (<see cref="Kraken.Limits.SocketLimits.MessageBucket"/>, the model the client budgets with).</summary>
    internal Kraken.Limits.TokenBucket MessageBucket { get; }

    /// <summary>The injected faults (<c>POST /admin/faults</c>).</summary>
    public FaultSettings Faults { get; }

    /// <summary>The exchange's clock.</summary>
    public TimeProvider Time => Exchange.Time;

    /// <summary>The WebSocket tokens (issued by REST <c>GetWebSocketsToken</c>).</summary>
    public SocketTokens Tokens => Exchange.Tokens;

    /// <summary>How many connections are open.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>How many connections the server closed as slow consumers (or for another reason) since start.</summary>
    public long ServerClosed => Interlocked.Read(ref _serverClosed);

    internal SocketCatalog Catalog { get; }

    private long _serverClosed;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = Exchange.Events.Listen(this);
        Faults.SocketsDropped += OnSocketsDropped;
        _timer = Time.CreateTimer(_ => Tick(), null, Options.HeartbeatInterval, Options.HeartbeatInterval);
        _pump = Task.Run(() => PumpAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Faults.SocketsDropped -= OnSocketsDropped;
        _listening?.Dispose();
        _timer?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        _wake.Writer.TryComplete();
        foreach (var connection in _connections.Values)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "server stopping");
        }

        if (_pump is not null)
        {
            await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Faults.SocketsDropped -= OnSocketsDropped;
        _listening?.Dispose();
        _timer?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <inheritdoc />
    void IExchangeListener.OnCommitted(CommittedChanges changes)
    {
        foreach (var change in changes.Orders)
        {
            _dirty.TryAdd(change.Current.Symbol, 0);
        }

        foreach (var trade in changes.Trades)
        {
            _dirty.TryAdd(trade.Symbol, 0);
        }

        foreach (var listener in Catalog.AccountListeners)
        {
            listener.OnCommitted(changes);
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Runs an accepted socket until it closes.</summary>
    internal async Task RunAsync(WebSocket socket, SocketEndpoint endpoint, IPAddress? remote, CancellationToken cancellationToken)
    {
        using var connection = new SocketConnection(socket, endpoint, remote, this);
        _connections[connection.Id] = connection;
        try
        {
            connection.Send(SocketStatus.Online(connection.Id));
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            if (connection.CloseReason is { } reason)
            {
                Interlocked.Increment(ref _serverClosed);
                SocketLog.ServerClosed(_logger, connection.Id, reason);
            }
        }
    }

    /// <summary>Counts a connection against its address; false (nothing counted) when the address is at its limit.</summary>
    internal bool TryReserve(IPAddress? remote)
    {
        var address = remote ?? IPAddress.None;
        var count = _perAddress.AddOrUpdate(address, 1, (_, n) => n + 1);
        if (count <= Options.MaxConnectionsPerAddress)
        {
            return true;
        }

        Release(remote);
        return false;
    }

    /// <summary>Returns a connection's place to its address.</summary>
    internal void Release(IPAddress? remote)
    {
        var address = remote ?? IPAddress.None;
        if (_perAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }

    /// <summary>Handles one parsed request on the connection's receive loop (requests of one connection run in order).</summary>
    internal void Dispatch(SocketConnection connection, SocketRequest request)
    {
        var call = new SocketCall(connection, request, this);
        if (request.Error is { } error)
        {
            call.Fail(error);
            return;
        }

        var dropBeforeAck = false;
        try
        {
            switch (request.Method)
            {
                case "ping":
                    connection.Send(SocketStatus.Pong(request, Time.GetUtcNow()));
                    return;
                case "subscribe" or "unsubscribe":
                    var name = call.String("channel", out var ok);
                    if (!ok || name is null)
                    {
                        call.Fail(name is null && ok ? SocketErrors.InvalidField("params.channel") : SocketErrors.SubscriptionNameInvalid);
                        return;
                    }

                    if (Catalog.Channel(connection.Endpoint, name) is not { } channel)
                    {
                        call.Fail(SocketErrors.SubscriptionNameInvalid);
                        return;
                    }

                    if (request.Method == "subscribe")
                    {
                        channel.Subscribe(call);
                    }
                    else
                    {
                        channel.Unsubscribe(call);
                    }

                    return;
                default:
                    if (Catalog.Method(connection.Endpoint, request.Method) is not { } method)
                    {
                        call.Fail(SocketErrors.MethodNotFound);
                        return;
                    }

                    if (OrderMethods.Contains(request.Method) && Faults.TryTakeDropBeforeAck())
                    {
                        // The request runs and commits as usual; nothing it answers (or streams) reaches the client.
                        dropBeforeAck = true;
                        connection.Mute();
                    }

                    method(call);
                    return;
            }
        }
#pragma warning disable CA1031 // The request boundary (STYLE §4c): a bug answers Kraken's internal error; domain operations are all-or-nothing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SocketLog.RequestFailed(_logger, request.Method, exception);
            call.Fail(KrakenErrors.InternalError);
        }
        finally
        {
            if (dropBeforeAck)
            {
                connection.Abort("fault: dropped before the order's answer");
            }
        }
    }

    /// <summary>The one-shot fault: every open connection is cut (no close frame), as a network drop would.</summary>
    private void OnSocketsDropped(object? sender, EventArgs e)
    {
        foreach (var connection in _connections.Values)
        {
            connection.Abort("fault: sockets dropped");
        }
    }

    private void Tick()
    {
        var now = Time.GetUtcNow();
        foreach (var connection in _connections.Values)
        {
            if (connection.SubscriptionCount > 0)
            {
                if (now - connection.LastSent >= Options.HeartbeatInterval)
                {
                    connection.Send(SocketFrames.Heartbeat);
                }
            }
            else if (now - connection.LastActivity >= Options.IdleTimeout)
            {
                connection.Close(WebSocketCloseStatus.NormalClosure, "idle: no subscription");
            }
        }

        _wake.Writer.TryWrite(false);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var timer = true;
                while (_wake.Reader.TryRead(out var fromCommit))
                {
                    timer &= !fromCommit;
                }

                dirty.Clear();
                foreach (var symbol in _dirty.Keys)
                {
                    if (_dirty.TryRemove(symbol, out _))
                    {
                        dirty.Add(symbol);
                    }
                }

                _taped.Clear();
                Market.SyncTrades(_taped);
                var pulse = new MarketPulse(dirty, _taped, Time.GetUtcNow(), timer && dirty.Count == 0);
                foreach (var feed in Catalog.MarketFeeds)
                {
                    try
                    {
                        feed.Publish(pulse);
                    }
#pragma warning disable CA1031 // One feed's bug must not stop the others or the pump.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        SocketLog.FeedFailed(_logger, feed.GetType().Name, exception);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
