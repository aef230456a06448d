using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Testing.Http;

/// <summary>
/// A webhook endpoint on a real loopback Kestrel (<see cref="LoopbackServer"/>): <c>POST /hook</c> records each body it
/// takes; <see cref="FailNext"/> makes the next requests fail with a status first, <see cref="Down"/> fails them all.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private LoopbackServer? _server;
    private int _failures;

    private WebhookReceiver()
    {
    }

    /// <summary>Where to POST: <c>http://127.0.0.1:PORT/hook</c>.</summary>
    public Uri Url => new(_server!.BaseUrl, "/hook");

    /// <summary>Every request it answered, successful or not.</summary>
    public int Requests { get; private set; }

    /// <summary>While true every request gets 503.</summary>
    public bool Down { get; set; }

    /// <summary>The bodies it took (answered 200), in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(routes => routes.MapPost("/hook", (Delegate)receiver.TakeAsync)).ConfigureAwait(false);
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> requests are answered 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IResult> TakeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        lock (_gate)
        {
            Requests++;
            if (Down || Interlocked.Decrement(ref _failures) >= 0)
            {
                return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
            }

            _received.Add(body);
            return Results.Ok();
        }
    }
}
