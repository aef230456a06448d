using System.Diagnostics;

namespace Bulkhead.Cli.Tests;

/// <summary>Runs the real <c>bulkhead</c> program as a child process and captures what it printed.</summary>
internal static class CliProcess
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // The CLI's own build output, with its own deps.json: the test folder resolves shared assemblies differently.
    private static readonly Lazy<string> CliDll = new(() =>
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Bulkhead.Cli", "bin", configuration, framework, "bulkhead.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build src/Bulkhead.Cli first: {dll} is missing", dll);
    });

    /// <summary>The built CLI's bulkhead.dll.</summary>
    public static string DllPath => CliDll.Value;

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunWithInputAsync(environment, null, arguments);

    /// <summary>Runs with <paramref name="input"/> written to stdin (then closed): how secrets reach the CLI.</summary>
    public static async Task<CliRun> RunWithInputAsync(IReadOnlyDictionary<string, string?>? environment, string? input, params string[] arguments)
    {
        var dll = CliDll.Value;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KRAKEN_API_KEY");
        start.Environment.Remove("KRAKEN_API_SECRET");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bulkhead {string.Join(' ', arguments)} did not finish within {Deadline}");
        }

        var run = new CliRun(process.ExitCode, await stdout, await stderr);
        OutputLog.Record(run);
        return run;
    }
}

/// <summary>What one run printed, and its exit code.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Everything the CLI printed during the suite, so a test can scan it for secrets.</summary>
internal static class OutputLog
{
    private static readonly Lock Gate = new();
    private static readonly List<string> Lines = [];

    public static void Record(CliRun run)
    {
        lock (Gate)
        {
            Lines.Add(run.Out);
            Lines.Add(run.Error);
        }
    }

    public static string All()
    {
        lock (Gate)
        {
            return string.Join('\n', Lines);
        }
    }
}
