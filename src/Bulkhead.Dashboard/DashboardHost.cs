using System.Net;
using Bulkhead.Dashboard.Api;
using Bulkhead.Dashboard.View;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Dashboard;

/// <summary>
/// The operator dashboard over HTTP (ASP.NET Core, in the supervisor's process): the page, the Contract D JSON API,
/// <c>/api/events</c> and <c>/api/status</c>. Bound to 127.0.0.1 by default; any other address needs a token.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Validates the options and starts serving.</summary>
    /// <exception cref="DashboardOptionsException">A non-loopback address without a token, or an address that is not one.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DashboardHost> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseBind(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options.Time);
        var app = builder.Build();
        var view = new FleetView(options);
        app.MapStatusApi(options.Manifest.Fleet.Name, options.Supervisor, options.Time);
        app.MapFleetApi(view);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new DashboardHost(app, new Uri($"http://{host}:{port}/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ParseBind(DashboardOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new DashboardOptionsException($"the dashboard port {options.Port} must be between 0 and 65535");
        }

        var address = string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(options.Bind, out var parsed) ? parsed
            : throw new DashboardOptionsException($"--dashboard-bind {options.Bind} is not an IP address: give one, e.g. 127.0.0.1 or 0.0.0.0");
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Token))
        {
            throw new DashboardOptionsException($"--dashboard-bind {options.Bind} is not a loopback address: anyone who can reach it would see the fleet; set --dashboard-token TOKEN or {DashboardOptions.TokenVariable}, or bind 127.0.0.1");
        }

        return address;
    }
}
