using System.Security.Cryptography;
using System.Text;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Roles;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Runtime.Gateway;

/// <summary>
/// One request from the bot: checked against the local credential, refused locally when the process's role does not
/// allow it, then handed to the session's own clients (the key's guard → rate budgets → fenced nonce → real signature →
/// journal → exchange), whose answer goes back byte for byte. Public calls go through the same clients unsigned.
/// </summary>
internal sealed class GatewayRelay : IDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly ProcessSession _session;
    private readonly LocalCredential _local;
    private readonly SpotClient _spot;
    private readonly FuturesRestClient _futures;
    private readonly SemaphoreSlim _inFlight;
    private readonly TimeProvider _time;
    private long _relayed;
    private long _refused;

    public GatewayRelay(ProcessSession session, LocalCredential local, SpotClient spot, FuturesRestClient futures, int maxPrivateInFlight, TimeProvider time)
    {
        _session = session;
        _local = local;
        _spot = spot;
        _futures = futures;
        _inFlight = new SemaphoreSlim(maxPrivateInFlight, maxPrivateInFlight);
        _time = time;
    }

    /// <summary>Requests that reached the exchange.</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    /// <summary>Requests the gateway answered itself (bad local credential, role, halted key, no budget, exchange unreachable).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public async Task SpotPublicAsync(HttpContext context, string method)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var request = Request(context, "/0/public/" + method, body ?? []);
        var result = await _spot.RelayAsync(request, context.RequestAborted).ConfigureAwait(false);
        await AnswerSpotAsync(context, result).ConfigureAwait(false);
    }

    public async Task SpotPrivateAsync(HttpContext context, string method)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseSpotAsync(context, KrakenErrors.InvalidArguments, $"the body is over {MaxBodyBytes} bytes or was cut off").ConfigureAwait(false);
            return;
        }

        var path = "/0/private/" + method;
        var contentType = context.Request.ContentType;
        var headers = context.Request.Headers;
        if (!IsLocalKey(Single(headers["API-Key"])))
        {
            await RefuseSpotAsync(context, KrakenErrors.InvalidKey, "API-Key is not this gateway's local key").ConfigureAwait(false);
            return;
        }

        var nonce = SpotRequestBody.Nonce(body, contentType);
        if (string.IsNullOrEmpty(nonce))
        {
            await RefuseSpotAsync(context, KrakenErrors.InvalidNonce, "the body has no nonce").ConfigureAwait(false);
            return;
        }

        if (!SpotSigner.Verify(_local.Credentials, path, nonce, body, Single(headers["API-Sign"])))
        {
            await RefuseSpotAsync(context, KrakenErrors.InvalidSignature, "API-Sign does not match the local secret").ConfigureAwait(false);
            return;
        }

        if (_session.Key.Venue != Venue.Spot)
        {
            await RefuseSpotAsync(context, KrakenErrors.InvalidKey, $"process '{_session.Process.Name}' holds a Futures key; Spot private calls need a Spot key").ConfigureAwait(false);
            return;
        }

        if (!RoleAccess.AllowsSpot(_session.Process.Role, method))
        {
            await RefuseSpotAsync(context, KrakenErrors.PermissionDenied, $"role {Role} may not call {method}").ConfigureAwait(false);
            return;
        }

        var result = await InFlightAsync(ct => _spot.RelayAsync(Request(context, path, body), ct), context.RequestAborted).ConfigureAwait(false);
        await AnswerSpotAsync(context, result).ConfigureAwait(false);
    }

    public async Task FuturesAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var path = context.Request.Path.Value ?? string.Empty;
        if (body is null)
        {
            await RefuseFuturesAsync(context, KrakenErrors.FuturesInvalidArgument, $"the body is over {MaxBodyBytes} bytes or was cut off").ConfigureAwait(false);
            return;
        }

        var request = Request(context, path, body);
        if (FuturesEndpoints.IsPublic(path))
        {
            var open = await _futures.RelayAsync(request, authenticated: false, context.RequestAborted).ConfigureAwait(false);
            await AnswerFuturesAsync(context, open).ConfigureAwait(false);
            return;
        }

        var headers = context.Request.Headers;
        var auth = KrakenErrors.FuturesAuthenticationError;
        if (!IsLocalKey(Single(headers["APIKey"])))
        {
            await RefuseFuturesAsync(context, auth, "APIKey is not this gateway's local key").ConfigureAwait(false);
            return;
        }

        var postData = request.Query + Encoding.UTF8.GetString(body);
        if (!FuturesSigner.Verify(_local.Credentials, postData, Single(headers["Nonce"]) ?? string.Empty, path, Single(headers["Authent"])))
        {
            await RefuseFuturesAsync(context, auth, "Authent does not match the local secret").ConfigureAwait(false);
            return;
        }

        if (_session.Key.Venue != Venue.Futures)
        {
            await RefuseFuturesAsync(context, auth, $"process '{_session.Process.Name}' holds a Spot key; Futures private calls need a Futures key").ConfigureAwait(false);
            return;
        }

        if (!RoleAccess.AllowsFutures(_session.Process.Role, context.Request.Method, path))
        {
            await RefuseFuturesAsync(context, auth, $"role {Role} may not call {context.Request.Method} {path}").ConfigureAwait(false);
            return;
        }

        var result = await InFlightAsync(ct => _futures.RelayAsync(request, authenticated: true, ct), context.RequestAborted).ConfigureAwait(false);
        await AnswerFuturesAsync(context, result).ConfigureAwait(false);
    }

    public void Dispose() => _inFlight.Dispose();

    private string Role => _session.Process.Role.ToString().ToLowerInvariant();

    private async Task<KrakenResult<RelayedAnswer>> InFlightAsync(Func<CancellationToken, Task<KrakenResult<RelayedAnswer>>> send, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private Task AnswerSpotAsync(HttpContext context, KrakenResult<RelayedAnswer> result)
    {
        if (result.Success)
        {
            Interlocked.Increment(ref _relayed);
            return GatewayAnswers.WriteAsync(context, result.Value);
        }

        var (spot, _, status) = GatewayAnswers.Words(result.Error);
        return RefuseSpotAsync(context, spot, result.Error.Message, status);
    }

    private Task AnswerFuturesAsync(HttpContext context, KrakenResult<RelayedAnswer> result)
    {
        if (result.Success)
        {
            Interlocked.Increment(ref _relayed);
            return GatewayAnswers.WriteAsync(context, result.Value);
        }

        var (_, futures, status) = GatewayAnswers.Words(result.Error);
        return RefuseFuturesAsync(context, futures, result.Error.Message, status);
    }

    private Task RefuseSpotAsync(HttpContext context, string error, string reason, int status = StatusCodes.Status200OK)
    {
        Interlocked.Increment(ref _refused);
        return GatewayAnswers.SpotAsync(context, error, reason, status);
    }

    private Task RefuseFuturesAsync(HttpContext context, string error, string reason, int status = StatusCodes.Status200OK)
    {
        Interlocked.Increment(ref _refused);
        return GatewayAnswers.FuturesAsync(context, error, reason, _time, status);
    }

    private bool IsLocalKey(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(_local.ApiKey));

    private static RelayRequest Request(HttpContext context, string path, byte[] body)
    {
        var query = context.Request.QueryString.Value ?? string.Empty;
        return new RelayRequest
        {
            Verb = new HttpMethod(context.Request.Method),
            Path = path,
            Query = query.StartsWith('?') ? query[1..] : query,
            Body = body,
            ContentType = context.Request.ContentType,
        };
    }

    // A repeated header is not a credential.
    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            // also BadHttpRequestException: a body cut off or over Kestrel's limits
            return null;
        }

        return buffer.ToArray();
    }
}
