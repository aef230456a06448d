using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// Runs <c>pyclients/run.py</c> in the venv <c>pyclients/.venv</c> (test.sh creates it from requirements.txt): the
/// unmodified Python clients krakenex and python-kraken-sdk making real HTTP calls, with the same JSON spec as the node
/// clients. The clients come from PyPI; where PyPI cannot be reached (this project's machines reach only Debian, NuGet
/// and npm) the venv has no clients and the tests are skipped with that reason, never passed.
/// </summary>
internal static class PythonClient
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>The pyclients folder, or null (with the reason) when its venv has no clients installed.</summary>
    public static string? Folder(out string reason)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulkhead.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "tests", "Bulkhead.EndToEnd.Tests", "pyclients");
                var python = Path.Combine(folder, ".venv", "bin", "python");
                var marker = Path.Combine(folder, ".venv", "installed");
                reason = File.Exists(python) && File.Exists(marker)
                    ? ""
                    : $"the Python clients are not installed in {folder}/.venv (test.sh runs pip install -r requirements.txt there; it needs PyPI, which this machine does not reach)";
                return reason.Length == 0 ? folder : null;
            }
        }

        reason = $"Bulkhead.slnx not found above {AppContext.BaseDirectory}";
        return null;
    }

    /// <summary>Runs the steps with one Python client (skipping the test when the clients are not installed).</summary>
    public static async Task<IReadOnlyList<StepOutcome>> RunAsync(ClientSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var folder = Folder(out var reason);
        if (folder is null)
        {
            Assert.Skip(reason);
        }

        var start = new ProcessStartInfo(Path.Combine(folder, ".venv", "bin", "python"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run.py");
        start.Environment["BULKHEAD_E2E_SPEC"] = spec.ToJson();
        foreach (var proxy in (string[])["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"])
        {
            start.Environment.Remove(proxy);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python run.py ({spec.Client}) did not finish within {Deadline}");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python run.py ({spec.Client}) exited {process.ExitCode}: {errors}");
        }

        var document = JsonNode.Parse(output) ?? throw new InvalidOperationException($"python printed no JSON: {output} {errors}");
        return [.. document["steps"]!.AsArray().Select(s => StepOutcome.From(s!))];
    }
}
