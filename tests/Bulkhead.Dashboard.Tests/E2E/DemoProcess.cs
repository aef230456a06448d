using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.EndToEnd.Tests.Fleet;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// <c>bulkhead demo --port 0 --data TMP</c> as a real process (the built CLI: embedded sandbox, provisioning, the example
/// fleet as real worker processes). Its dashboard URL comes from what it prints: <c>dashboard: http://127.0.0.1:PORT/</c>,
/// or, from a CLI without the dashboard, the base of <c>status: http://127.0.0.1:PORT/api/status</c>. Stopped with SIGTERM.
/// </summary>
internal sealed class DemoProcess : IAsyncDisposable
{
    private readonly string _folder;

    private DemoProcess(CliChild child, string folder, Uri dashboard)
    {
        Child = child;
        _folder = folder;
        Dashboard = dashboard;
    }

    public CliChild Child { get; }

    /// <summary>The page, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Dashboard { get; }

    public Uri Api(string path) => new(Dashboard, path.TrimStart('/'));

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The folder the demo writes (fleet.toml, journals, the sandbox's SQLite).</summary>
    public string DataFolder => Path.Combine(_folder, "demo");

    /// <summary>Starts the demo and waits (deadline) until it printed its dashboard or status URL.</summary>
    public static async Task<DemoProcess> StartAsync(TimeSpan deadline, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-dash-e2e-").FullName;
        var child = CliChild.Start(
            new Dictionary<string, string?> { ["BULKHEAD_HOME"] = Path.Combine(folder, "home"), ["BULKHEAD_ADMIN_TOKEN"] = null, ["BULKHEAD_SECRETS_KEY"] = null },
            ["demo", "--port", "0", "--data", Path.Combine(folder, "demo"), .. extra]);
        try
        {
            Uri? url = null;
            await Polling.UntilAsync(() => (url = FindDashboard(child.Out)) is not null || child.HasExited, deadline, "bulkhead demo to print its dashboard URL");
            return url is null
                ? throw new InvalidOperationException($"bulkhead demo exited ({child.ExitCode}) before serving its dashboard\n{child.Out}\n{child.Error}")
                : new DemoProcess(child, folder, url);
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    /// <summary>The dashboard's URL in the demo's output, or null while it has not printed it yet.</summary>
    public static Uri? FindDashboard(string output)
    {
        string? status = null;
        foreach (var line in output.Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith("dashboard: http", StringComparison.Ordinal))
            {
                return new Uri(FirstWord(text["dashboard: ".Length..]).TrimEnd('/') + "/");
            }

            if (text.StartsWith("status: http", StringComparison.Ordinal))
            {
                status = FirstWord(text["status: ".Length..]);
            }
        }

        return status is null ? null : new Uri(new Uri(status), "/");
    }

    /// <summary>The supervisor's processes from <c>GET /api/status</c>, by name.</summary>
    public async Task<Dictionary<string, JsonNode>> StatusAsync()
    {
        var node = await Http.GetFromJsonAsync<JsonNode>(Api("api/status"), TestContext.Current.CancellationToken);
        return node!["processes"]!.AsArray().ToDictionary(p => p!["process"]!.GetValue<string>(), p => p!);
    }

    /// <summary>SIGTERM, as Ctrl-C would: the demo stops its fleet, then reports and checks. Returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan deadline)
    {
        if (!Child.HasExited)
        {
            Child.Terminate();
        }

        return await Child.WaitForExitAsync(deadline);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!Child.HasExited)
            {
                await StopAsync(TimeSpan.FromMinutes(3));
            }
        }
        catch (OperationCanceledException)
        {
            // Past the deadline: Dispose below kills what is left.
        }
        finally
        {
            Child.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker stopping a moment late may still hold a SQLite file; a temp folder left behind is harmless.
        }
    }

    private static string FirstWord(string text) => text.Split(' ', 2)[0].Trim();
}
