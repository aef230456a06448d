using System.Diagnostics;

namespace Bulkhead.Dashboard.Tests.Metrics;

/// <summary>
/// Debian's <c>promtool</c> (the <c>prometheus</c> package, installed by test.sh): <c>promtool check metrics</c> reads an
/// exposition on stdin and exits non-zero on any format error or lint problem, each printed.
/// </summary>
internal static class Promtool
{
    public const string Path = "/usr/bin/promtool";

    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"{Path} is missing: install Debian's prometheus package (`apt-get install prometheus`; ./test.sh does)", Path);
        }

        var info = new ProcessStartInfo(Path, ["check", "metrics"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, (await output) + (await error));
    }
}
