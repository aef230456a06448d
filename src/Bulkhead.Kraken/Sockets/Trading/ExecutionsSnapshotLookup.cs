using System.Net.WebSockets;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Tokens;

namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// The socket look-up: a short second connection to the private endpoint subscribes <c>executions</c> with
/// <c>snap_orders</c> and <c>snap_trades</c>, reads the snapshot (the open orders and the last 50 fills) and closes. An
/// order found there landed. Not finding it is weaker than the REST look-up: an order that landed and closed without a
/// fill (an unfilled IOC, a refused post-only) is in neither list. The Unified WebSocket's default, because a Spot key
/// cannot reach Futures REST and Futures REST is switched off on 1 March 2027; a resend keeps the same client order id,
/// which derivatives refuse to reuse (<c>EGeneral:Invalid arguments:cl_ord_id</c>), so that case ends in a refusal, not a
/// second order.
/// </summary>
public sealed class ExecutionsSnapshotLookup : IOrderLookup
{
    private readonly KrakenSocketEndpoint _endpoint;
    private readonly ISocketTokenSource _tokens;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the look-up.</summary>
    /// <param name="endpoint">The private endpoint.</param>
    /// <param name="tokens">The key's tokens.</param>
    /// <param name="time">The clock.</param>
    /// <param name="timeout">How long connecting and reading the snapshot may take.</param>
    public ExecutionsSnapshotLookup(KrakenSocketEndpoint endpoint, ISocketTokenSource tokens, TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        if (!endpoint.IsPrivate)
        {
            throw new ArgumentException("The executions channel is on a private endpoint.", nameof(endpoint));
        }

        _endpoint = endpoint;
        _tokens = tokens;
        _time = time;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public async Task<KrakenResult<OrderLookupResult>> FindAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var token = await _tokens.GetTokenAsync(renew: false, cancellationToken).ConfigureAwait(false);
        if (!token.Success)
        {
            return token.Error;
        }

        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        SocketSession session;
        try
        {
            session = await SocketSession.OpenAsync(_endpoint.Url, 0, _timeout, _time, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return KrakenErrors.Connection($"the order look-up could not connect to {_endpoint.Url}: {exception.Message}");
        }

        using (session)
        {
            var reader = new SnapshotReader(SocketDialect.ExecutionsSnapshotFrames(_endpoint.Protocol, true, true), clientOrderId);
            var receiving = session.ReceiveAsync(reader.OnFrame, linked.Token);
            var request = new SocketRequest(
                "subscribe",
                w =>
                {
                    w.WriteString("channel", "executions");
                    w.WriteBoolean("snap_orders", true);
                    w.WriteBoolean("snap_trades", true);
                },
                IsPrivate: true,
                SocketDialect.CarriesAssetClass(_endpoint.Protocol, "executions"),
                JournalEndpoint: null);
            try
            {
                await session.SendAsync(request.Frame(1, token.Value.Value), linked.Token).ConfigureAwait(false);
                await Task.WhenAny(reader.Done, receiving).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            await session.CloseAsync(TimeSpan.FromSeconds(1), _time).ConfigureAwait(false);
            session.Abort();
            if (!reader.Done.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return KrakenErrors.Connection($"the order look-up on {_endpoint.Url} ended before the executions snapshot arrived");
            }

            return await reader.Done.ConfigureAwait(false);
        }
    }

    /// <summary>Collects the snapshot frames and searches them for the client order id.</summary>
    private sealed class SnapshotReader(int frames, string clientOrderId)
    {
        private readonly TaskCompletionSource<KrakenResult<OrderLookupResult>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;
        private string? _found;

        public Task<KrakenResult<OrderLookupResult>> Done => _done.Task;

        public void OnFrame(ReadOnlyMemory<byte> frame)
        {
            var header = FrameHeader.Read(frame.Span);
            if (header.IsResponse)
            {
                if (SocketResponse.Parse(frame.Span) is { Success: false } refused)
                {
                    _done.TrySetResult(refused.ToError());
                }

                return;
            }

            if (header.Channel != SocketChannelName.Executions || !header.IsSnapshot)
            {
                return;
            }

            using var document = JsonDocument.Parse(frame);
            if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in data.EnumerateArray())
                {
                    if (WireRead.OptionalText(item, "cl_ord_id") == clientOrderId)
                    {
                        _found ??= WireRead.OptionalText(item, "order_id");
                    }
                }
            }

            if (++_seen >= frames)
            {
                _done.TrySetResult(KrakenResult<OrderLookupResult>.Ok(_found is null ? OrderLookupResult.NotFound : new OrderLookupResult(_found)));
            }
        }
    }
}
