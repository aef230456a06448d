using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// The real sandbox: <c>bulkhead sandbox serve --port 0</c> started as its own process (the CLI built next to these
/// tests), on the real clock, with SQLite in a temporary data folder (the default store) unless asked otherwise. The
/// tests see it only over HTTP: the Kraken routes through the third-party clients, and the admin API.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    public const string AdminToken = "e2e-process-admin-token-0123456789";

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo? _data;
    private readonly StringBuilder _log;

    private SandboxProcess(Process process, DirectoryInfo? data, Uri baseUrl, StringBuilder log)
    {
        _process = process;
        _data = data;
        _log = log;
        BaseUrl = baseUrl;
        Admin = new AdminClient(baseUrl, AdminToken);
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, no trailing slash.</summary>
    public Uri BaseUrl { get; }

    public AdminClient Admin { get; }

    /// <summary>What the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the CLI's sandbox; <paramref name="market"/> false passes <c>--no-market</c> (empty books).</summary>
    /// <remarks>With <paramref name="dataFolder"/> the sandbox runs on that folder and leaves it behind (its owner deletes it), so a test can restart on it.</remarks>
    public static async Task<SandboxProcess> StartAsync(bool market = false, bool inMemory = false, long seed = 1, DirectoryInfo? dataFolder = null)
    {
        var dll = CliPath.Value;
        var data = dataFolder ?? (inMemory ? null : Directory.CreateTempSubdirectory("bulkhead-e2e-proc-"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[dll, "sandbox", "serve", "--port", "0", "--host", "127.0.0.1", "--admin-token", AdminToken, "--seed", seed.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        if (data is null)
        {
            start.ArgumentList.Add("--in-memory");
        }
        else
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(data.FullName);
        }

        if (!market)
        {
            start.ArgumentList.Add("--no-market");
        }

        var log = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the sandbox process exited during start-up"));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(StartDeadline, TestContext.Current.CancellationToken);
            return new SandboxProcess(process, dataFolder is null ? data : null, url, log);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Stop(process);
            if (dataFolder is null)
            {
                data?.Delete(recursive: true);
            }

            throw new InvalidOperationException($"bulkhead sandbox serve did not start: {e.Message}\n{log}", e);
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            const string Marker = "Bulkhead sandbox listening on ";
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line[Marker.Length..].Trim()));
            }
        }
    }

    /// <summary>Runs one node client's steps against this sandbox.</summary>
    public Task<IReadOnlyList<StepOutcome>> RunAsync(string client, ApiKeyPair? key, params ClientStep[] steps) =>
        NodeClient.RunAsync(new ClientSpec(client, BaseUrl, key?.Key, key?.Secret, steps), TestContext.Current.CancellationToken);

    /// <summary>
    /// Runs one step again (a new client run each time, 500 ms apart) until <paramref name="done"/> holds for its value
    /// or 20 s have passed; returns the last value. For what the market makes on the real clock (trades, candles).
    /// </summary>
    public async Task<JsonNode> PollAsync(string client, ApiKeyPair? key, ClientStep step, Func<JsonNode, bool> done)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var outcome = (await RunAsync(client, key, step))[0];
            outcome.Ok.ShouldBeTrue(outcome.ToString());
            if (done(outcome.Value!) || TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(20))
            {
                return outcome.Value!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs one Python client's steps (pyclients/run.py) against this sandbox.</summary>
    public Task<IReadOnlyList<StepOutcome>> RunPythonAsync(string client, ApiKeyPair? key, params ClientStep[] steps) =>
        PythonClient.RunAsync(new ClientSpec(client, BaseUrl, key?.Key, key?.Secret, steps), TestContext.Current.CancellationToken);

    /// <summary>
    /// Conservation through the admin API: per asset, the balances of every account (system ones included) sum to
    /// zero (<c>GET /admin/ledger/totals</c>), and <c>GET /admin/conservation</c> agrees (no unbalanced refid).
    /// </summary>
    public async Task ShouldConserveAsync()
    {
        var totals = await Admin.GetAsync("/admin/ledger/totals");
        foreach (var asset in totals["assets"]!.AsArray())
        {
            decimal.Parse(asset!["sum"]!.GetValue<string>(), CultureInfo.InvariantCulture).ShouldBe(0m, $"per-asset sum over all accounts: {asset.ToJsonString()}");
        }

        totals["zero"]!.GetValue<bool>().ShouldBeTrue(totals.ToJsonString());
        var conservation = await Admin.GetAsync("/admin/conservation");
        conservation["conserved"]!.GetValue<bool>().ShouldBeTrue(conservation.ToJsonString());
    }

    /// <summary>One account's Spot balance of <paramref name="asset"/> as the admin API lists it (0 if absent).</summary>
    public async Task<decimal> SpotBalanceAsync(string account, string asset, string wallet = "spot")
    {
        var node = await Admin.GetAsync($"/admin/accounts/{Uri.EscapeDataString(account)}");
        var text = node["balances"]?[wallet]?[asset]?.GetValue<string>();
        return text is null ? 0m : decimal.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL: the process dies at once, mid-request, with nothing flushed or closed.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Stop(_process);
        _process.Dispose();
        await Task.CompletedTask;
        try
        {
            _data?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file for a moment after the process exits; a temp folder left behind is harmless.
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The CLI built with the same configuration as these tests (the project references it without its assembly).</summary>
    private static readonly Lazy<string> CliPath = new(() =>
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = baseDir; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulkhead.slnx")))
            {
                var project = Path.Combine(dir.FullName, "tests", "Bulkhead.EndToEnd.Tests");
                var relative = Path.GetRelativePath(project, baseDir.FullName);
                var dll = Path.GetFullPath(Path.Combine(dir.FullName, "src", "Bulkhead.Cli", relative, "bulkhead.dll"));
                if (!File.Exists(dll))
                {
                    throw new InvalidOperationException($"{dll} does not exist: build src/Bulkhead.Cli with the same configuration as the tests.");
                }

                return dll;
            }
        }

        throw new InvalidOperationException($"Bulkhead.slnx not found above {AppContext.BaseDirectory}: run the tests from the source tree.");
    });
}
