using System.Net.WebSockets;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Sockets.Internal;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>
    /// Sends an application <c>ping</c> and waits for its <c>pong</c>; returns the round trip. The watchdog pings by itself
    /// when the connection is quiet.
    /// </summary>
    public async Task<KrakenResult<TimeSpan>> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var answer = await RequestAsync(new SocketRequest("ping", null, IsPrivate: false, AssetClass: false, JournalEndpoint: null), cancellationToken).ConfigureAwait(false);
        return answer.Success ? KrakenResult<TimeSpan>.Ok(_time.GetElapsedTime(started)) : answer.Error;
    }

    /// <summary>
    /// Sends a request and waits for its whole answer (one frame, or as many as <see cref="SocketRequest.Complete"/> asks
    /// for). A request is sent once: it waits for a connection (up to <see cref="KrakenSocketOptions.RequestTimeout"/>),
    /// takes the token, waits for the send rate, and is registered under a fresh <c>req_id</c> before its frame goes out.
    /// Refused unsent: <c>Bulkhead:Not connected</c> or <c>Bulkhead:Rate budget exhausted</c> (both local, safe to repeat).
    /// Sent and unanswered: <c>Bulkhead:Connection failed</c> (the connection dropped) or <c>Bulkhead:Timeout</c> — its
    /// outcome is unknown. A private request refused with <c>EAPI:Invalid token</c> was not executed: it is sent once more
    /// with a renewed token.
    /// </summary>
    internal async Task<KrakenResult<IReadOnlyList<SocketResponse>>> RequestAsync(SocketRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendOnceAsync(request, renewToken: false, cancellationToken).ConfigureAwait(false);
        if (request.IsPrivate && answer.Success && answer.Value.Count == 1 && answer.Value[0] is { Success: false, Error: KrakenErrors.InvalidToken })
        {
            answer = await SendOnceAsync(request, renewToken: true, cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>Sends a request and reads its single answer into a model; a refusal becomes the exchange's error.</summary>
    internal async Task<KrakenResult<T>> CallAsync<T>(SocketRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var answer = await RequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        var response = answer.Value[0];
        if (!response.Success)
        {
            return response.ToError();
        }

        try
        {
            return KrakenResult<T>.Ok(read(response.Result ?? default));
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            return KrakenErrors.BadResponse($"{request.Method}: the result does not have the documented shape ({exception.Message})");
        }
    }

    /// <summary>Subscribes (or unsubscribes) one subscription on the current connection; success once acknowledged.</summary>
    private async Task<KrakenResult<bool>> SubscribeRequestAsync(Internal.SocketSubscription subscription, bool subscribing, CancellationToken cancellationToken)
    {
        var method = subscribing ? "subscribe" : "unsubscribe";
        var request = new SocketRequest(
            method,
            w =>
            {
                w.WriteString("channel", subscription.Channel);
                subscription.WriteParams(w, subscribing);
            },
            subscription.IsPrivate,
            SocketDialect.CarriesAssetClass(_endpoint.Protocol, subscription.Channel),
            $"{method}:{subscription.Channel}");
        try
        {
            return await CallAsync(request, _ => true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return KrakenErrors.NotConnected("the client is closing");
        }
    }

    private async Task<KrakenResult<IReadOnlyList<SocketResponse>>> SendOnceAsync(SocketRequest request, bool renewToken, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var timestamp = _time.GetTimestamp();
        var answer = await SendAndWaitAsync(request, renewToken, cancellationToken).ConfigureAwait(false);
        if (request.JournalEndpoint is { } endpoint)
        {
            var error = !answer.Success ? answer.Error : answer.Value.FirstOrDefault(r => !r.Success)?.ToError();
            Journal(started, timestamp, endpoint, error);
        }

        return answer;
    }

    private async Task<KrakenResult<IReadOnlyList<SocketResponse>>> SendAndWaitAsync(SocketRequest request, bool renewToken, CancellationToken cancellationToken)
    {
        var waitUntil = _time.GetTimestamp();
        Task<KrakenResult<IReadOnlyList<SocketResponse>>> answer;
        long reqId;
        while (true)
        {
            var left = _options.RequestTimeout - _time.GetElapsedTime(waitUntil);
            var session = left > TimeSpan.Zero ? await WaitForSessionAsync(left, cancellationToken).ConfigureAwait(false) : null;
            if (session is null)
            {
                return KrakenErrors.NotConnected(Volatile.Read(ref _closing) != 0
                    ? "the client is closed"
                    : $"no connection to {_endpoint.Url} within {_options.RequestTimeout.TotalSeconds:0.###} s: the request was not sent");
            }

            string? token = null;
            if (request.IsPrivate)
            {
                var fetched = await _tokens!.GetTokenAsync(renewToken, cancellationToken).ConfigureAwait(false);
                if (!fetched.Success)
                {
                    return fetched.Error;
                }

                token = fetched.Value.Value;
            }

            var refused = await _limiter.WaitAsync(1, _time, _options.MaxSendWait, cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                return refused;
            }

            reqId = Interlocked.Increment(ref _reqId);
            var frame = request.Frame(reqId, token);
            answer = _pending.Register(reqId, request.Complete);
            try
            {
                await session.SendAsync(frame, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // A frame that could not be written was not received whole, so not executed: wait for the next connection.
                _pending.Fail(reqId, KrakenErrors.NotConnected("the connection failed while sending"));
            }
        }

        try
        {
            return await answer.WaitAsync(_options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var timeout = KrakenErrors.Timeout(_options.RequestTimeout);
            _pending.Fail(reqId, timeout);
            return timeout;
        }
        catch (OperationCanceledException)
        {
            _pending.Fail(reqId, KrakenErrors.Timeout(_time.GetElapsedTime(waitUntil)));
            throw;
        }
    }

    /// <summary>Records a private connection's event in the call journal (the key's name, never the token).</summary>
    private void Journal(DateTimeOffset started, long timestamp, string endpoint, KrakenError? error)
    {
        if (!_endpoint.IsPrivate || _options.CallJournal is not { } journal)
        {
            return;
        }

        journal.Record(new KrakenCallRecord(started, _endpoint.JournalVenue, endpoint, _tokens?.KeyName, error?.Code, error?.Origin, _time.GetElapsedTime(timestamp)));
    }
}
