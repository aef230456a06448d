using System.Net;
using Bulkhead.Fleet.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Runtime.Gateway;

/// <summary>
/// <c>bulkhead gateway</c>: a loopback Kraken endpoint (Spot REST and Futures REST) for exactly one manifest process. It
/// holds the process's key through <see cref="ProcessSession"/> (lease, fenced nonces, lockout guard, shared rate budgets),
/// accepts only calls signed with its <see cref="LocalCredential"/>, refuses what the process's role may not do, and sends
/// the rest on signed with the real key. A second gateway (or worker) for the same key is refused at
/// <see cref="StartAsync"/>, naming the holder. Disposing stops serving, then releases the lease.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GatewayRelay _relay;
    private readonly HttpClient _http;
    private readonly bool _ownsSession;

    private GatewayHost(WebApplication app, GatewayRelay relay, HttpClient http, ProcessSession session, bool ownsSession, LocalCredential credential, Uri url)
    {
        _app = app;
        _relay = relay;
        _http = http;
        _ownsSession = ownsSession;
        Session = session;
        Credential = credential;
        Url = url;
    }

    /// <summary>Where the bot points its base URL, e.g. <c>http://127.0.0.1:41234</c> (Spot and Futures alike).</summary>
    public Uri Url { get; }

    /// <summary>The process's key, leased for this gateway.</summary>
    public ProcessSession Session { get; }

    /// <summary>What the bot signs with.</summary>
    public LocalCredential Credential { get; }

    /// <summary>Requests that reached the exchange.</summary>
    public long Relayed => _relay.Relayed;

    /// <summary>Requests the gateway answered itself.</summary>
    public long Refused => _relay.Refused;

    /// <summary>Cancelled when the key's lease is lost: the gateway must stop.</summary>
    public CancellationToken LeaseLost => Session.LeaseLost;

    /// <summary>Opens the process's key and starts serving on 127.0.0.1.</summary>
    /// <exception cref="ProcessSessionException">The manifest, the key, its lease or the store is not usable; nothing was sent.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<GatewayHost> StartAsync(GatewayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPrivateInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        var sessionOptions = new ProcessSessionOptions
        {
            Time = options.Time,
            GetVariable = options.GetVariable,
            Environment = options.Environment,
            Tier = options.Tier,
            Guard = options.Guard,
            Nonces = options.Nonces ?? new Kraken.Nonces.NonceOptions(),
        };
        var session = ProcessSession.Open(options.Manifest, options.ProcessName, options.LeaseTtl is { } ttl ? sessionOptions with { LeaseTtl = ttl } : sessionOptions);
        return await StartOnSessionAsync(session, ownsSession: true, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves a session already opened (a worker running an external bot): the gateway uses it and leaves it open when
    /// disposed unless <paramref name="ownsSession"/>. The options' manifest and process fields are not read again.
    /// </summary>
    internal static async Task<GatewayHost> StartOnSessionAsync(ProcessSession session, bool ownsSession, GatewayOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPrivateInFlight, 1);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        GatewayRelay? relay = null;
        WebApplication? app = null;
        try
        {
            relay = new GatewayRelay(
                session,
                options.Credential,
                session.CreateSpotClient(http, options.Journal, options.ExchangeTimeout),
                session.CreateFuturesClient(http, options.Journal, options.ExchangeTimeout),
                options.MaxPrivateInFlight,
                options.Time);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
            builder.Logging.ClearProviders();
            app = builder.Build();
            app.MapGatewayApi(relay);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new GatewayHost(app, relay, http, session, ownsSession, options.Credential, new Uri(address.TrimEnd('/')));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            relay?.Dispose();
            http.Dispose();
            if (ownsSession)
            {
                session.Dispose();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _relay.Dispose();
        _http.Dispose();
        if (_ownsSession)
        {
            Session.Dispose();
        }
    }
}
