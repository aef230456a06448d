using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Auth;

/// <summary>The thin adapter between ASP.NET Core and the pipeline: reads headers, the caller's address and the raw body.</summary>
public static class HttpAuthRequests
{
    /// <summary>A Spot request: <c>API-Key</c>, <c>API-Sign</c>, the body's nonce (parsed by the caller from <paramref name="body"/>).</summary>
    public static AuthRequest Spot(HttpContext context, ReadOnlyMemory<byte> body, string? nonce, AuthRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        return new AuthRequest
        {
            Venue = AuthVenue.Spot,
            RemoteAddress = context.Connection.RemoteIpAddress,
            ApiKey = Single(headers["API-Key"]),
            Signature = Single(headers["API-Sign"]),
            Path = context.Request.Path.Value ?? string.Empty,
            Nonce = nonce,
            Body = body,
            Requirement = requirement,
        };
    }

    /// <summary>A Futures request: <c>APIKey</c>, <c>Authent</c>, optional <c>Nonce</c> header, raw query and body.</summary>
    public static AuthRequest Futures(HttpContext context, ReadOnlyMemory<byte> body, AuthRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        var query = context.Request.QueryString.Value ?? string.Empty;
        return new AuthRequest
        {
            Venue = AuthVenue.Futures,
            RemoteAddress = context.Connection.RemoteIpAddress,
            ApiKey = Single(headers["APIKey"]),
            Signature = Single(headers["Authent"]),
            Path = context.Request.Path.Value ?? string.Empty,
            Nonce = Single(headers["Nonce"]),
            Body = body,
            RawQuery = query.StartsWith('?') ? query[1..] : query,
            Requirement = requirement,
        };
    }

    /// <summary>
    /// Reads the whole body as received, up to <paramref name="maxBytes"/>; null when it is larger (or the declared
    /// length is) or the connection breaks mid-body.
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            return await ReadDeclaredAsync(request, (int)length, cancellationToken).ConfigureAwait(false);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    // The usual case (every client sends Content-Length): one array of the declared size, read into directly. The server
    // enforces the declared length, so the body cannot be longer; a shorter one is a broken connection.
    private static async Task<byte[]?> ReadDeclaredAsync(HttpRequest request, int length, CancellationToken cancellationToken)
    {
        var body = length == 0 ? [] : new byte[length];
        try
        {
            var filled = 0;
            while (filled < length)
            {
                var read = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                filled += read;
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }

        return body;
    }

    // A repeated header is not a valid credential.
    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;
}
