using System.Net.Sockets;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Transport;

/// <summary>
/// Sends one HTTP request with a per-attempt timeout and turns every way it can fail into a <see cref="KrakenError"/>:
/// no exception escapes for network faults, timeouts or unreadable bodies. Caller cancellation still throws.
/// </summary>
internal sealed class KrakenHttp
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public KrakenHttp(HttpClient http, TimeProvider time, TimeSpan timeout)
    {
        _http = http;
        _time = time;
        _timeout = timeout;
    }

    public async Task<KrakenResult<HttpAnswer>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var length = response.Content.Headers.ContentLength;
            if (length > MaxBodyBytes)
            {
                return KrakenErrors.BadResponse($"the answer is {length} bytes, more than the {MaxBodyBytes} accepted");
            }

            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return KrakenResult<HttpAnswer>.Ok(new HttpAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, RawContentType(response)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return KrakenErrors.Timeout(_timeout);
        }
        catch (HttpRequestException ex)
        {
            return KrakenErrors.Connection(Describe(ex));
        }
        catch (IOException ex)
        {
            return KrakenErrors.Connection($"the connection broke while reading the answer ({ex.GetType().Name})");
        }
    }

    // The header as the server wrote it (a relay hands it on unchanged), not as the parser would print it again.
    private static string? RawContentType(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;

    private static string Describe(HttpRequestException ex)
    {
        var socket = ex.InnerException as SocketException ?? ex.InnerException?.InnerException as SocketException;
        return socket is not null
            ? $"could not reach the server: {socket.SocketErrorCode}"
            : $"could not reach the server: {ex.HttpRequestError}";
    }
}
