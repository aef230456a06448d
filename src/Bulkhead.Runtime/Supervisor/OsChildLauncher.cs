using System.Diagnostics;
using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// Starts each worker as a real OS process: <c>bulkhead worker FILE --process NAME --env ENV</c> with this process's
/// environment plus <see cref="ParentWatch.Variable"/><c>=stdin</c> and a stdin pipe held open until the child exits
/// (so the child stops when the supervisor dies, even by SIGKILL). stdout lines go to the status parser, stderr lines to
/// the log.
/// </summary>
/// <param name="commandLine">How to start <c>bulkhead</c> (default: this program, <see cref="WorkerCommandLine.ThisProgram"/>).</param>
/// <param name="environment">Extra variables for every child (e.g. the demo's generated admin token); null values remove one.</param>
public sealed class OsChildLauncher(WorkerCommandLine commandLine, IReadOnlyDictionary<string, string?>? environment = null) : IChildLauncher
{
    /// <inheritdoc />
    public IChildProcess Start(ChildStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var info = new ProcessStartInfo(commandLine.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in commandLine.WorkerArguments(start.ManifestPath, start.Process.Name, start.Environment))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        info.Environment[ParentWatch.Variable] = ParentWatch.Stdin;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                start.OnStatusLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                start.OnLogLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OsChild(process);
    }

    private sealed class OsChild : IChildProcess
    {
        private readonly Process _process;

        public OsChild(Process process)
        {
            _process = process;
            Pid = process.Id;
            Exited = WaitAsync();
        }

        public int Pid { get; }

        public Task<ChildExit> Exited { get; }

        public void Terminate() => Signals.Send(Pid, Signals.Terminate);

        public void TerminateForKillSwitch()
        {
            try
            {
                _process.StandardInput.WriteLine(ParentWatch.KillSwitchLine);
                _process.StandardInput.Flush();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Gone already, or its stdin is closed: SIGTERM alone still stops it (its switch then is disarmed).
            }

            Terminate();
        }

        public void Kill()
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        public void Dispose()
        {
            _process.Dispose();
        }

        private async Task<ChildExit> WaitAsync()
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
            _process.WaitForExit(); // drains the asynchronous stdout/stderr readers: every status line is delivered
            var code = _process.ExitCode;
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child is gone; its end of the pipe already is.
            }

            return new ChildExit(code);
        }
    }
}
