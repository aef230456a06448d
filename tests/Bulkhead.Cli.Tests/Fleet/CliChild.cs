using System.Diagnostics;
using System.Text;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>A long-running <c>bulkhead</c> child process whose output is collected as it comes.</summary>
internal sealed class CliChild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private CliChild(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_out, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Out
    {
        get
        {
            lock (_gate)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static CliChild Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        StartWrapped([], environment, arguments);

    /// <summary>Starts <c>bulkhead</c> under <paramref name="wrapper"/> (e.g. <c>ip netns exec NS</c>, which execs it: the pid stays the CLI's).</summary>
    public static CliChild StartWrapped(string[] wrapper, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var part in wrapper.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        if (wrapper.Length > 0)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(CliProcess.DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KRAKEN_API_KEY");
        start.Environment.Remove("KRAKEN_API_SECRET");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new CliChild(process);
    }

    /// <summary>Waits (on the real child, with a deadline) until its stdout has <paramref name="lines"/> lines.</summary>
    public async Task WaitForOutputLinesAsync(int lines, TimeSpan deadline)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < lines)
        {
            if (HasExited || TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"bulkhead printed {Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} of {lines} lines (exited: {HasExited}); stderr: {Error}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the asynchronous output readers
        OutputLog.Record(new CliRun(_process.ExitCode, Out, Error));
        return _process.ExitCode;
    }

    /// <summary>kill -9.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>kill -TERM: the CLI stops, releases its lease and prints its summary.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.Append(line).Append('\n');
        }
    }
}
