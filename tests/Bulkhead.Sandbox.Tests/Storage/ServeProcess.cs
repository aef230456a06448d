using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>A real <c>bulkhead sandbox serve</c> process on a free loopback port, for crash tests.</summary>
internal sealed class ServeProcess : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> CliDll = new(() =>
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Bulkhead.Cli", "bin", configuration, framework, "bulkhead.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build src/Bulkhead.Cli first (dotnet build Bulkhead.slnx): {dll} is missing", dll);
    });

    private readonly Process _process;

    private ServeProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<ServeProcess> StartAsync(string dataFolder, string adminToken, int? port = null)
    {
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CliDll.Value, "sandbox", "serve", "--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", dataFolder, "--admin-token", adminToken, "--no-market" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(StartDeadline);
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"bulkhead sandbox serve exited with {(process.WaitForExit(5000) ? process.ExitCode : -1)} before listening");
                if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        // Keep draining stdout so the child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
