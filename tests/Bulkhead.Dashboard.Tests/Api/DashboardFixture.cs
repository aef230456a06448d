using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Fleet;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Tests.Supervisor;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>
/// One dashboard under test: examples/fleet.toml in a temporary folder (its exchange URL given: a live sandbox or a dead
/// port), the real SQLite fill journal and coordination store that manifest names, a real <see cref="FleetSupervisor"/>
/// whose workers are <see cref="FakeChild"/> objects, and <see cref="DashboardHost"/> on real Kestrel on loopback.
/// </summary>
internal sealed class DashboardFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private DashboardFixture(string folder, FleetManifest manifest, FakeLauncher launcher, FleetSupervisor supervisor, TimeProvider time)
    {
        Folder = folder;
        Manifest = manifest;
        Launcher = launcher;
        Supervisor = supervisor;
        Time = time;
    }

    public string Folder { get; }

    public FleetManifest Manifest { get; }

    public FakeLauncher Launcher { get; }

    public FleetSupervisor Supervisor { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider? FakeTime => Time as FakeTimeProvider;

    public DashboardHost? Host { get; private set; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The example fleet, its manifest edited by <paramref name="edit"/>, supervised (its workers started, not yet running).</summary>
    public static async Task<DashboardFixture> CreateAsync(Uri? exchange = null, TimeProvider? time = null, Func<string, string>? edit = null)
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-dash-api-").FullName;
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml"));
        text = text.Replace("http://127.0.0.1:8787", (exchange ?? DeadUrl()).ToString().TrimEnd('/'), StringComparison.Ordinal);
        var path = Path.Combine(folder, "fleet.toml");
        await File.WriteAllTextAsync(path, edit is null ? text : edit(text));
        var loaded = ManifestLoader.Load(path);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join('\n', loaded.Problems));
        }

        time ??= new FakeTimeProvider(Start);
        var launcher = new FakeLauncher();
        var supervisor = new FleetSupervisor(loaded.Manifest!, new FleetSupervisorOptions { Time = time, Launcher = launcher });
        supervisor.Start();
        await Polling.UntilAsync(() => launcher.Started.Count == 4, TimeSpan.FromSeconds(30), "the supervisor to start the 3 traders and the dashboard monitor");
        return new DashboardFixture(folder, loaded.Manifest!, launcher, supervisor, time);
    }

    /// <summary>A loopback URL nothing listens on (a port just freed).</summary>
    public static Uri DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Starts the dashboard on a free loopback port.</summary>
    public async Task<DashboardHost> ServeAsync(string? token = null, string bind = "127.0.0.1")
    {
        Host = await DashboardHost.StartAsync(
            new DashboardOptions
            {
                Manifest = Manifest,
                Supervisor = Supervisor,
                Time = Time,
                Bind = bind,
                Token = token,
                CallJournalFolder = Path.Combine(Folder, "journal"),
            },
            TestContext.Current.CancellationToken);
        return Host;
    }

    public Uri Url(string path) => new(Host!.Url, path.TrimStart('/'));

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(Url(path), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The fill journal the manifest names (the real SQLite file the dashboard reads).</summary>
    public IFillJournal OpenJournal() => FillJournal.Open(Manifest.Fleet.Journal, Manifest.BaseDirectory, Time);

    /// <summary>The coordination store the manifest names.</summary>
    public ICoordinationStore OpenStore() => CoordinationStore.Open(Manifest.Fleet.Coordination, Time, Manifest.BaseDirectory);

    /// <summary>The newest fake worker of <paramref name="process"/>.</summary>
    public FakeChild Worker(string process) => Launcher.Of(process)[^1];

    /// <summary>A heartbeat line (Contract W) from <paramref name="process"/>'s worker.</summary>
    public void Heartbeat(string process, string guard = "ok") =>
        Worker(process).Say($$"""{"time":"2026-11-26T14:00:00.000+00:00","process":"{{process}}","event":"heartbeat","orders":3,"fills":1,"openOrders":2,"lastNonceAt":"2026-11-26T13:59:59.500+00:00","guard":"{{guard}}","pnlUsd":"1.25","equityUsd":"100000","position":"0.01"}""");

    /// <summary>Every long-running worker says <c>running</c> and one heartbeat.</summary>
    public void AllRunning()
    {
        foreach (var process in (string[])["mm-trader", "momo-trader", "hedge-trader", "dashboard"])
        {
            Worker(process).Running();
            Heartbeat(process);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync(); // a second dispose (after a test's own) does nothing
        }

        await Supervisor.DisposeAsync();
        Http.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is left for the OS to clean
        }
    }
}
