using System.Net.Sockets;
using System.Text;

namespace Bulkhead.Sandbox.Tests.Api;

/// <summary>
/// One TCP connection to a loopback server carrying raw bytes, for requests an <see cref="HttpClient"/> refuses to send
/// (odd methods, bad framing, broken headers) or sends too eagerly (a body held back to keep a request in flight).
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private readonly TcpClient _client = new();
    private readonly MemoryStream _received = new();
    private NetworkStream? _stream;

    private RawConnection()
    {
    }

    public static async Task<RawConnection> OpenAsync(Uri server, CancellationToken cancellationToken)
    {
        var connection = new RawConnection();
        await connection._client.ConnectAsync(server.Host, server.Port, cancellationToken);
        connection._stream = connection._client.GetStream();
        return connection;
    }

    /// <summary>Opens a connection, sends <paramref name="request"/> (then ends the sending side when <paramref name="halfClose"/>) and reads the answer.</summary>
    public static async Task<RawResponse> ExchangeAsync(Uri server, byte[] request, bool halfClose, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(server, cancellationToken);
        await connection.SendAsync(request, cancellationToken);
        if (halfClose)
        {
            connection.HalfClose();
        }

        return await connection.ReadAsync(request, cancellationToken);
    }

    /// <summary>An HTTP/1.1 request's bytes: request line, headers (each <c>Name: value</c>), blank line, body.</summary>
    public static byte[] Request(string requestLine, IEnumerable<string> headers, byte[]? body = null)
    {
        var head = new StringBuilder(requestLine).Append("\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body ?? []];
    }

    public async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _stream!.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (an oversized head): read what it said.
        }
    }

    public void HalfClose() => _client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Reads one answer to <paramref name="request"/> (which decides whether a body follows: not after HEAD).</summary>
    public async Task<RawResponse> ReadAsync(byte[] request, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            if (RawResponse.TryParse(_received.ToArray(), request, complete: false) is { } response)
            {
                return response;
            }

            int read;
            try
            {
                read = await _stream!.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                return RawResponse.TryParse(_received.ToArray(), request, complete: true) ?? RawResponse.None(_received.ToArray());
            }

            _received.Write(buffer, 0, read);
        }
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _client.Dispose();
        _received.Dispose();
    }
}
