using System.Net;
using System.Net.Sockets;
using Bulkhead.Dashboard.Api;
using Bulkhead.Dashboard.View;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Alerts;
using Bulkhead.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Dashboard;

/// <summary>
/// The operator dashboard over HTTP (ASP.NET Core, in the supervisor's process): the page, the Contract D JSON API,
/// <c>/api/events</c> and <c>/api/status</c>. Bound to 127.0.0.1 by default; any other address needs a token. It keeps
/// answering when the exchange, a store or a worker is down: the parts say what they could not read.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FleetView _view;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private DashboardHost(WebApplication app, FleetView view, FleetMetrics metrics, CancellationTokenSource stopping, Uri url)
    {
        _app = app;
        _view = view;
        Metrics = metrics;
        Alerts = view.Alerts;
        _stopping = stopping;
        Url = url;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8080/</c> (a wildcard bind is shown as 127.0.0.1).</summary>
    public Uri Url { get; }

    /// <summary>The fleet's metrics (served at <c>/metrics</c>).</summary>
    public FleetMetrics Metrics { get; }

    /// <summary>The manifest's alert rules at work (null when it has none).</summary>
    public AlertService? Alerts { get; }

    /// <summary>Whether the page's web bundle is in this build (else <c>/</c> serves a page saying it is missing).</summary>
    public static bool HasPage => PageApi.HasBundle;

    /// <summary>Validates the options and starts serving; the first exchange read is waited for (at most the exchange timeout).</summary>
    /// <exception cref="DashboardOptionsException">A non-loopback address without a token, a bad address or port, or an environment the manifest lacks.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DashboardHost> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseBind(options);
        if (options.Manifest.FindEnvironment(options.Supervisor.Environment) is null)
        {
            throw new DashboardOptionsException($"the manifest has no environment '{options.Supervisor.Environment}'");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options.Time);
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var view = new FleetView(options, stopping.Token);
        var metrics = new FleetMetrics(options.Supervisor, options.Time, view);
        if (options.Manifest.Alerting.ReconcileEvery is { } every)
        {
            view.Reconciliation = new Sources.ReconciliationWatch(options.Manifest, options.Supervisor.Environment, every, options);
        }

        if (!options.Manifest.Alerts.IsEmpty)
        {
            try
            {
                view.Alerts = await AlertService.StartAsync(
                    options.Manifest,
                    options.Supervisor.Environment,
                    metrics,
                    new AlertServiceOptions { Time = options.Time, GetVariable = options.GetVariable, Log = options.Log },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidManifestException e)
            {
                if (view.Reconciliation is not null)
                {
                    await view.Reconciliation.DisposeAsync().ConfigureAwait(false);
                }

                metrics.Dispose();
                view.Dispose();
                await app.DisposeAsync().ConfigureAwait(false);
                throw new DashboardOptionsException(string.Join(System.Environment.NewLine, e.Problems));
            }
        }

        app.UseTokenGate(options.Token, options.OperatorToken);
        app.MapStatusApi(options.Manifest.Fleet.Name, options.Supervisor, options.Time);
        app.MapFleetApi(view);
        app.MapEventsApi(view, options.Supervisor, options);
        app.MapMetricsApi(metrics);
        app.MapActionsApi(options.Operator);
        app.MapPageApi();
        var host = new DashboardHost(app, view, metrics, stopping, new Uri("http://127.0.0.1/"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await view.Market.WhenReadAsync().WaitAsync(options.ExchangeTimeout + TimeSpan.FromSeconds(1), options.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The exchange is slow: the documents say so until it answers.
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri($"http://{Host(address)}:{new Uri(bound).Port}/");
        await WarmUpAsync(url, options.Token, cancellationToken).ConfigureAwait(false);
        return new DashboardHost(app, view, metrics, stopping, url);
    }

    /// <summary>
    /// One <c>GET /api/fleet</c> of its own before the address is handed out, so the first page does not pay for the
    /// cold path (routing, the endpoint, composing and writing the document: about 1 s on a busy 2-core machine, against
    /// ~50 ms warm). A failure is only a slower first page.
    /// </summary>
    private static async Task WarmUpAsync(Uri url, string? token, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "api/fleet"));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Only the first page is slower.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (Alerts is not null)
        {
            await Alerts.DisposeAsync().ConfigureAwait(false);
        }

        if (_view.Reconciliation is not null)
        {
            await _view.Reconciliation.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _view.Market.WhenReadAsync().ConfigureAwait(false);
        Metrics.Dispose();
        _view.Dispose();
        _stopping.Dispose();
    }

    private static string Host(IPAddress address) =>
        address.Equals(IPAddress.Any) ? "127.0.0.1"
        : address.Equals(IPAddress.IPv6Any) ? "[::1]"
        : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]"
        : address.ToString();

    /// <summary>
    /// Checks an address and token before anything starts: <paramref name="bind"/> must be an IP address or
    /// <c>localhost</c>, and any address that is not loopback needs a token.
    /// </summary>
    /// <returns>The address to listen on.</returns>
    /// <exception cref="DashboardOptionsException">Not an address, or not loopback without a token (the message names the fix).</exception>
    public static IPAddress CheckBind(string bind, string? token)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var address = string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(bind, out var parsed) ? parsed
            : throw new DashboardOptionsException($"--dashboard-bind {bind} is not an IP address: give one, e.g. 127.0.0.1 or 0.0.0.0");
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(token))
        {
            throw new DashboardOptionsException($"--dashboard-bind {bind} is not a loopback address, so anyone who reaches it would see the fleet: set --dashboard-token TOKEN (or {DashboardOptions.TokenVariable}), or bind 127.0.0.1");
        }

        return address;
    }

    private static IPAddress ParseBind(DashboardOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new DashboardOptionsException($"the dashboard port {options.Port} must be between 0 and 65535");
        }

        return CheckBind(options.Bind, options.Token);
    }
}
