using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// One client WebSocket: a receive loop that parses and dispatches each frame in order, and a send loop draining a
/// bounded queue. Nothing that publishes to a connection ever waits for it: <see cref="Send"/> only enqueues, and a
/// connection whose queue is full is a slow consumer — it is closed (1008, with the reason), never buffered without bound.
/// The frame-delay fault (<see cref="Faults.FaultSettings.SocketDelay"/>) stamps each frame with when it may go and the send
/// loop waits for that on the exchange's clock, so the delay holds back this connection's frames, in order, and nothing else.
/// </summary>
internal sealed class SocketConnection : IDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private static long _lastId = 6_447_481_662_169_813_000;

    private readonly WebSocket _socket;
    private readonly SocketHub _hub;
    private readonly Channel<Outgoing> _outbox;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, IDisposable> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private long _sequence;
    private TokenBucketState? _requests;
    private string? _closeReason;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private volatile bool _muted;

    public SocketConnection(WebSocket socket, SocketEndpoint endpoint, IPAddress? remote, SocketHub hub)
    {
        _socket = socket;
        _hub = hub;
        Endpoint = endpoint;
        Remote = remote;
        Id = unchecked((ulong)Interlocked.Increment(ref _lastId));
        _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(hub.Options.SendQueueFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var now = hub.Time.GetUtcNow();
        LastSent = now;
        LastActivity = now;
    }

    /// <summary>Kraken's <c>connection_id</c>.</summary>
    public ulong Id { get; }

    /// <summary>Which of the four endpoints this is.</summary>
    public SocketEndpoint Endpoint { get; }

    /// <summary>True on the two private endpoints.</summary>
    public bool IsPrivate => Endpoint is SocketEndpoint.SpotPrivate or SocketEndpoint.UnifiedPrivate;

    /// <summary>True on the two Unified endpoints.</summary>
    public bool IsUnified => Endpoint is SocketEndpoint.UnifiedPublic or SocketEndpoint.UnifiedPrivate;

    /// <summary>The client's address (the IP allowlist of a token's key applies to it).</summary>
    public IPAddress? Remote { get; }

    /// <summary>When the last frame was queued to the client.</summary>
    public DateTimeOffset LastSent { get; private set; }

    /// <summary>When the client last sent a request, or the connection opened.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>How many subscriptions are live.</summary>
    public int SubscriptionCount
    {
        get
        {
            lock (_sync)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Why the server closed the connection, once it has.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>The next <c>sequence</c> of this connection's private channel messages (one counter per connection).</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Queues a frame; never waits. A full queue closes the connection as a slow consumer.</summary>
    public void Send(byte[] frame)
    {
        if (_muted)
        {
            return;
        }

        var now = _hub.Time.GetUtcNow();
        var delay = _hub.Faults.SocketDelay;
        if (_outbox.Writer.TryWrite(new Outgoing(frame, delay > TimeSpan.Zero ? now + delay : null)))
        {
            LastSent = now;
            return;
        }

        Close(WebSocketCloseStatus.PolicyViolation, $"slow consumer: more than {_hub.Options.SendQueueFrames} frames queued", abort: true);
    }

    /// <summary>Registers a subscription under <paramref name="key"/>; false if one exists (the caller answers "Already subscribed").</summary>
    public bool TryAddSubscription(string key, IDisposable subscription)
    {
        lock (_sync)
        {
            return _subscriptions.TryAdd(key, subscription);
        }
    }

    /// <summary>True when a subscription exists under <paramref name="key"/>.</summary>
    public bool HasSubscription(string key)
    {
        lock (_sync)
        {
            return _subscriptions.ContainsKey(key);
        }
    }

    /// <summary>Ends the subscription under <paramref name="key"/>; false if there was none.</summary>
    public bool RemoveSubscription(string key)
    {
        IDisposable? subscription;
        lock (_sync)
        {
            if (!_subscriptions.Remove(key, out subscription))
            {
                return false;
            }
        }

        subscription.Dispose();
        return true;
    }

    /// <summary>
    /// Closes the connection from the server side with a reason (idempotent): the send loop sends what is queued, then the
    /// close frame, and the client has a grace period to answer it. A slow consumer (<paramref name="abort"/>) is cut off
    /// at once: its queue is full and its socket cannot take a close frame.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason, bool abort = false)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        _closeStatus = status;
        _outbox.Writer.TryComplete();
        if (abort)
        {
            _socket.Abort();
            Stop();
        }
    }

    /// <summary>From now on nothing more is sent (the connection is about to be aborted by a fault).</summary>
    public void Mute() => _muted = true;

    /// <summary>Cuts the connection at once without a close frame, as a network drop would (idempotent with <see cref="Close"/>).</summary>
    public void Abort(string reason) => Close(WebSocketCloseStatus.EndpointUnavailable, reason, abort: true);

    /// <summary>Runs the connection until either side closes it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var sending = SendLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            try
            {
                // Let the send loop finish what is queued and the close handshake; a client that does not read is cut off.
                await sending.WaitAsync(CloseGrace, _hub.Time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or TimeoutException)
            {
            }

            Stop();
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
            }

            EndSubscriptions();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var options = _hub.Options;
        var buffer = new byte[options.MaxFrameBytes];
        while (_socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var length = 0;
            var tooLarge = false;
            ValueWebSocketReceiveResult result;
            do
            {
                Memory<byte> room;
                if (!tooLarge && length < buffer.Length)
                {
                    room = buffer.AsMemory(length);
                }
                else
                {
                    // Over the limit: read the rest of the frame into the buffer's start and throw it away.
                    tooLarge = true;
                    room = buffer;
                }

                result = await _socket.ReceiveAsync(room, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The send loop answers the client's close frame once it has sent what is queued.
                    _outbox.Writer.TryComplete();
                    return;
                }

                if (!tooLarge)
                {
                    length += result.Count;
                }
            }
            while (!result.EndOfMessage);

            var now = _hub.Time.GetUtcNow();
            LastActivity = now;
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Send(SocketFrames.Failure(string.Empty, null, now, _hub.Time.GetUtcNow(), SocketErrors.BinaryNotSupported));
                continue;
            }

            if (tooLarge)
            {
                Send(SocketFrames.Failure(string.Empty, null, now, _hub.Time.GetUtcNow(), SocketErrors.FrameTooLarge));
                continue;
            }

            var request = SocketRequest.Parse(buffer.AsSpan(0, length), now);
            if (!TakeRequest(now))
            {
                Send(SocketFrames.Failure(request.Method, request.ReqId, now, _hub.Time.GetUtcNow(), SocketErrors.ExceededMessageRate));
                continue;
            }

            _hub.Dispatch(this, request);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Due is { } due && due - _hub.Time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _hub.Time, cancellationToken).ConfigureAwait(false);
                }

                if (_socket.State != WebSocketState.Open)
                {
                    return;
                }

                await _socket.SendAsync(item.Frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_socket.State == WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
        else if (CloseReason is { } reason && _socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(_closeStatus, reason, cancellationToken).ConfigureAwait(false);

            // The client has a grace period to answer the close frame; then the receive loop is stopped.
            _ = Task.Delay(CloseGrace, _hub.Time, CancellationToken.None).ContinueWith(_ => Stop(), TaskScheduler.Default);
        }
    }

    private void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Charges one request to the connection's budget (only the receive loop calls it, so no lock).</summary>
    private bool TakeRequest(DateTimeOffset now)
    {
        var (state, decision) = _hub.MessageBucket.TryAcquire(_requests, now, 1m);
        _requests = state;
        return decision.Granted;
    }

    private void EndSubscriptions()
    {
        IDisposable[] subscriptions;
        lock (_sync)
        {
            subscriptions = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>A queued frame and, under the frame-delay fault, the time before which it may not be sent.</summary>
    private readonly record struct Outgoing(byte[] Frame, DateTimeOffset? Due);
}
