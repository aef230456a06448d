using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Books;
using Bulkhead.Kraken.Sockets.Internal;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>
    /// Runs connections one after another until the client closes: read one until it ends, fail what was pending on it,
    /// back off (jittered, growing while connections keep failing or dying young), open the next and renew every
    /// subscription on it.
    /// </summary>
    private async Task SuperviseAsync(SocketSession first)
    {
        SocketSession? session = first;
        var failures = 0;
        var number = first.Number;
        while (Volatile.Read(ref _closing) == 0)
        {
            if (session is null)
            {
                SetState(SocketConnectionState.Reconnecting);
                var delay = _backoff.Next(failures);
                Log.SocketReconnecting(_logger, _endpoint.Url, delay, failures + 1);
                try
                {
                    await Task.Delay(delay, _time, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                KrakenResult<SocketSession> opened;
                try
                {
                    opened = await OpenAsync(number + 1, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (!opened.Success)
                {
                    failures++;
                    continue;
                }

                session = opened.Value;
                number = session.Number;
                Interlocked.Increment(ref _reconnects);
            }

            var openedAt = _time.GetTimestamp();
            await RunSessionAsync(session).ConfigureAwait(false);
            failures = _time.GetElapsedTime(openedAt) >= StableAfter ? 0 : failures + 1;
            session = null;
        }
    }

    /// <summary>One connection's life: make it current, renew the subscriptions on it, read it until it ends, clean up.</summary>
    private async Task RunSessionAsync(SocketSession session)
    {
        foreach (var subscription in _registry.All)
        {
            subscription.OnSessionStarting(session.Number);
        }

        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        Volatile.Write(ref _sessionNumber, session.Number);
        _limiter = NewLimiter();
        Volatile.Write(ref _session, session);
        var receiving = session.ReceiveAsync(frame => OnFrame(frame, session.Number), _stop.Token);
        SetState(SocketConnectionState.Connected);
        TaskCompletionSource<SocketSession> ready;
        lock (_stateLock)
        {
            ready = _ready;
        }

        ready.TrySetResult(session);
        if (session.Number > 1)
        {
            _ = ResubscribeAllAsync(session.Number);
        }

        var reason = await receiving.ConfigureAwait(false);
        lock (_stateLock)
        {
            Volatile.Write(ref _session, null);
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }
        }

        _pending.FailAll(KrakenErrors.Connection($"the connection dropped ({reason}) after the request was sent and before its answer"));
        foreach (var subscription in _registry.All)
        {
            subscription.OnSessionEnded();
        }

        Journal(_time.GetUtcNow(), _time.GetTimestamp(), "disconnect", Volatile.Read(ref _closing) != 0 ? null : KrakenErrors.Connection(reason));
        Log.SocketDisconnected(_logger, _endpoint.Url, session.Number, reason);
        session.Dispose();
    }

    /// <summary>Asks again for every subscription on a new connection (all at once; each waits for its own ack).</summary>
    private async Task ResubscribeAllAsync(int session)
    {
        var all = _registry.All;
        var answers = await Task.WhenAll(all.Select(s => SubscribeRequestAsync(s, subscribing: true, _stop.Token))).ConfigureAwait(false);
        for (var i = 0; i < all.Count; i++)
        {
            if (!answers[i].Success && Volatile.Read(ref _sessionNumber) == session)
            {
                Log.ResubscribeFailed(_logger, _endpoint.Url, all[i].Key, answers[i].Error!.Code);
            }
        }
    }

    /// <summary>Routes one received frame, on the receive loop's thread (the frame's memory is reused afterwards).</summary>
    private void OnFrame(ReadOnlyMemory<byte> frame, int session)
    {
        Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        Interlocked.Increment(ref _received);
        var span = frame.Span;
        var header = FrameHeader.Read(span);
        if (header.IsResponse)
        {
            var response = SocketResponse.Parse(span);
            if (response is null || !_pending.Complete(response))
            {
                Log.UnmatchedResponse(_logger, _endpoint.Url, response?.Method ?? "?", response?.ReqId);
            }

            return;
        }

        try
        {
            switch (header.Channel)
            {
                case SocketChannelName.None or SocketChannelName.Unknown or SocketChannelName.Heartbeat or SocketChannelName.Status:
                    return;
                case SocketChannelName.Book:
                    _registry.Books.Apply(span);
                    return;
                default:
                    _registry.Dispatch(header.Channel, frame, header.IsSnapshot, session);
                    return;
            }
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            // One unreadable message must not end the connection: it is counted and skipped.
            Interlocked.Increment(ref _malformed);
        }
    }

    /// <summary>
    /// The watchdog, every <see cref="KrakenSocketOptions.PingInterval"/>: a connection silent for
    /// <see cref="KrakenSocketOptions.SilenceTimeout"/> is aborted (the supervisor replaces it); one quiet for half a
    /// ping interval gets a ping, whose pong proves it alive.
    /// </summary>
    private void OnWatchdog()
    {
        if (Volatile.Read(ref _session) is not { } session || Volatile.Read(ref _closing) != 0)
        {
            return;
        }

        var silence = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));
        if (silence >= _options.SilenceTimeout)
        {
            // Counted once per connection: the watchdog may look again before the receive loop has let go of it.
            if (session.Abort())
            {
                Interlocked.Increment(ref _silentAborts);
                Log.SocketSilent(_logger, _endpoint.Url, session.Number, silence);
            }

            return;
        }

        if (silence >= _options.PingInterval / 2)
        {
            _ = PingAsync(_stop.Token);
        }
    }

    /// <summary>A book broke (checksum mismatch or unreadable message): ask for it again, once per break.</summary>
    private void OnBookLost(BookSubscription book, BookApplyResult result)
    {
        var session = Volatile.Read(ref _sessionNumber);
        if (!book.TryStartResync(session))
        {
            return;
        }

        Interlocked.Increment(ref _bookResyncs);
        book.Feed?.CountResync();
        Log.BookResync(_logger, book.Book.Symbol, book.Book.Depth, result);
        _control.Writer.TryWrite(() => ResyncAsync(book, session));
    }

    /// <summary>Unsubscribes and subscribes a book again on the same connection: its next snapshot restarts it.</summary>
    private async Task ResyncAsync(BookSubscription book, int session)
    {
        try
        {
            // A new connection renews every subscription itself; a resubscription asked on an old one is moot.
            if (Volatile.Read(ref _sessionNumber) != session || !_registry.All.Contains(book))
            {
                return;
            }

            await SubscribeRequestAsync(book, subscribing: false, _stop.Token).ConfigureAwait(false);
            var again = await SubscribeRequestAsync(book, subscribing: true, _stop.Token).ConfigureAwait(false);
            if (!again.Success)
            {
                Log.ResubscribeFailed(_logger, _endpoint.Url, book.Key, again.Error.Code);
            }
        }
        finally
        {
            if (book.ResyncSession == session)
            {
                book.ResyncDone();
            }
        }
    }

    /// <summary>Runs control work (resubscriptions) one at a time, off the receive loop.</summary>
    private async Task ControlLoopAsync()
    {
        try
        {
            await foreach (var work in _control.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The current connection, waiting up to <paramref name="timeout"/> for one; null when none came.</summary>
    private async Task<SocketSession?> WaitForSessionAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_supervisor is null || Volatile.Read(ref _closing) != 0)
        {
            return null;
        }

        Task<SocketSession> ready;
        lock (_stateLock)
        {
            ready = _ready.Task;
        }

        try
        {
            return await ready.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
