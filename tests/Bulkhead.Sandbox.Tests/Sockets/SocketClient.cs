using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>A raw WebSocket client for the sandbox's v2 endpoints: send frames, read frames with a deadline, wait for a matching one.</summary>
public sealed class SocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonElement> _seen = [];

    private SocketClient()
    {
    }

    /// <summary>Every frame read so far, in order.</summary>
    public IReadOnlyList<JsonElement> Seen => _seen;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<SocketClient> ConnectAsync(Uri baseUrl, string path)
    {
        var client = new SocketClient();
        var uri = new Uri(baseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + path);
        using var timeout = new CancellationTokenSource(Deadline);
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await _socket.SendAsync(bytes, type, true, timeout.Token);
    }

    /// <summary>The next frame, or null when the server closed the connection.</summary>
    public async Task<JsonElement?> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? Deadline);
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var element = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                _seen.Add(element);
                return element;
            }
        }
    }

    /// <summary>Reads frames until one matches; fails after the deadline or when the server closes.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? within = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (within ?? Deadline);
        while (true)
        {
            var left = until - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No matching frame; seen: " + string.Join("\n", _seen.TakeLast(10).Select(e => e.GetRawText())));
            }

            var next = await NextAsync(left) ?? throw new InvalidOperationException($"Closed by the server ({_socket.CloseStatus}: {_socket.CloseStatusDescription}); seen: " + string.Join("\n", _seen.TakeLast(10).Select(e => e.GetRawText())));
            if (match(next))
            {
                return next;
            }
        }
    }

    /// <summary>Waits for the response to the request with <paramref name="reqId"/>.</summary>
    public Task<JsonElement> ResponseAsync(long reqId) =>
        WaitForAsync(e => e.TryGetProperty("req_id", out var id) && id.GetInt64() == reqId);

    /// <summary>Waits for a message on <paramref name="channel"/> (optionally of one type).</summary>
    public Task<JsonElement> ChannelAsync(string channel, string? type = null, TimeSpan? within = null) =>
        WaitForAsync(e => e.TryGetProperty("channel", out var c) && c.GetString() == channel
            && (type is null || (e.TryGetProperty("type", out var t) && t.GetString() == type)), within);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
