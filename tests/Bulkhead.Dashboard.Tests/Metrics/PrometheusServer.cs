using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Fleet;

namespace Bulkhead.Dashboard.Tests.Metrics;

/// <summary>
/// A real Prometheus server from Debian's <c>prometheus</c> package (installed by test.sh), started by the test: its own
/// configuration and TSDB in a temporary folder, a free loopback port, one job scraping the given target every second,
/// run under <c>timeout</c> (it can never outlive the test run by more than its bound) and killed at dispose. The test
/// reads what it scraped through its HTTP API (<c>/api/v1/query</c>, <c>/api/v1/targets</c>).
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private PrometheusServer(Process process, string folder, Uri url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Starts Prometheus scraping <paramref name="target"/>'s <c>/metrics</c> (with <paramref name="bearer"/> when given) and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(Uri target, string? bearer = null, TimeSpan? bound = null)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"{ExecutablePath} is missing: install Debian's prometheus package (`apt-get install prometheus`; ./test.sh does)", ExecutablePath);
        }

        var folder = Directory.CreateTempSubdirectory("bulkhead-prometheus-").FullName;
        var authorization = bearer is null ? string.Empty : $"\n    authorization:\n      credentials: \"{bearer}\"";
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: bulkhead
                metrics_path: /metrics{authorization}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = FreePort();
        var info = new ProcessStartInfo("/usr/bin/timeout")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--kill-after=5", ((int)(bound ?? TimeSpan.FromMinutes(15)).TotalSeconds).ToString(CultureInfo.InvariantCulture), ExecutablePath,
            $"--config.file={Path.Combine(folder, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.retention.time=1h", "--log.level=warn"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await Polling.UntilAsync(server.ReadyAsync, TimeSpan.FromSeconds(60), "prometheus to be ready");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The scrape target's health as Prometheus sees it (<c>up</c>, <c>down</c>, <c>unknown</c>) and its last error.</summary>
    public async Task<(string Health, string LastError)> TargetAsync()
    {
        var targets = await _http.GetFromJsonAsync<JsonNode>(new Uri(Url, "api/v1/targets"));
        var active = targets!["data"]!["activeTargets"]!.AsArray().Single()!;
        return ((string)active["health"]!, (string?)active["lastError"] ?? string.Empty);
    }

    /// <summary>An instant query (at <paramref name="at"/>, Unix seconds, else now): each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, decimal Value)>> QueryAsync(string promql, double? at = null)
    {
        var time = at is { } t ? "&time=" + t.ToString("0.000", CultureInfo.InvariantCulture) : string.Empty;
        var answer = await _http.GetFromJsonAsync<JsonNode>(new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString(promql) + time));
        if ((string?)answer!["status"] != "success")
        {
            throw new InvalidOperationException($"prometheus refused {promql}: {answer}");
        }

        return [.. answer["data"]!["result"]!.AsArray().Select(r => (
            (IReadOnlyDictionary<string, string>)r!["metric"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal),
            decimal.Parse((string)r["value"]![1]!, NumberStyles.Float, CultureInfo.InvariantCulture)))];
    }

    /// <summary>The newest scrape's timestamp of <paramref name="metric"/> (Unix seconds), or null before the first.</summary>
    public async Task<double?> LastScrapeAsync(string metric)
    {
        var answer = await _http.GetFromJsonAsync<JsonNode>(new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString($"timestamp({metric})")));
        var result = answer!["data"]!["result"]!.AsArray();
        return result.Count == 0 ? null : double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task<bool> ReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"prometheus exited at start ({_process.ExitCode})");
        }

        try
        {
            using var response = await _http.GetAsync(new Uri(Url, "-/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
