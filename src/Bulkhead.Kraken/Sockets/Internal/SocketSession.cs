using System.Net.WebSockets;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// One WebSocket connection: opened once, read by one receive loop that hands each complete text frame to a sink on the
/// loop's thread (the frame's memory is reused for the next one), written by one sender at a time. Never reopened: a
/// reconnect is a new session with the next <see cref="Number"/>.
/// </summary>
internal sealed class SocketSession : IDisposable
{
    /// <summary>The largest frame read; a larger one ends the session (Kraken's frames are far smaller).</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = new byte[64 * 1024];
    private int _aborted;

    private SocketSession(ClientWebSocket socket, int number)
    {
        _socket = socket;
        Number = number;
    }

    /// <summary>1 for the first connection of a client, then one more per reconnect.</summary>
    public int Number { get; }

    /// <summary>True while the socket is open.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Opens a connection, or throws (<see cref="WebSocketException"/>, <see cref="OperationCanceledException"/> on timeout).</summary>
    public static async Task<SocketSession> OpenAsync(Uri url, int number, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            await socket.ConnectAsync(url, linked.Token).ConfigureAwait(false);
            return new SocketSession(socket, number);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads frames until the connection ends; returns why it ended. Each complete text frame goes to
    /// <paramref name="onFrame"/> before the next is read.
    /// </summary>
    public async Task<string> ReceiveAsync(Action<ReadOnlyMemory<byte>> onFrame, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == _buffer.Length)
                    {
                        if (_buffer.Length >= MaxFrameBytes)
                        {
                            _socket.Abort();
                            return $"a frame larger than {MaxFrameBytes} bytes";
                        }

                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }

                    result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return $"closed by the server ({_socket.CloseStatus}: {_socket.CloseStatusDescription})";
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    onFrame(_buffer.AsMemory(0, length));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "closed by the client";
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return $"connection lost ({exception.GetType().Name}: {exception.Message})";
        }
    }

    /// <summary>Sends one text frame (one sender at a time).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Cuts the connection at once (the receive loop ends); true the first time only.</summary>
    public bool Abort()
    {
        var first = Interlocked.Exchange(ref _aborted, 1) == 0;
        _socket.Abort();
        return first;
    }

    /// <summary>Closes the connection politely, within <paramref name="timeout"/>; aborts it otherwise.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
