using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Runtime.Tests.Supervisor;

/// <summary>A launcher whose children are objects the test ends at will (no OS process).</summary>
internal sealed class FakeLauncher : IChildLauncher
{
    private readonly Lock _gate = new();
    private readonly List<FakeChild> _started = [];
    private int _nextPid = 1000;

    /// <summary>Whether a child exits 0 at once when it gets SIGTERM (false: it ignores it, like a hung worker).</summary>
    public bool ObeysTerminate { get; set; } = true;

    /// <summary>When set, Start throws this instead of starting.</summary>
    public Exception? StartFailure { get; set; }

    public IReadOnlyList<FakeChild> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public IReadOnlyList<FakeChild> Of(string process) => [.. Started.Where(c => c.Start.Process.Name == process)];

    public IChildProcess Start(ChildStart start)
    {
        if (StartFailure is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            var child = new FakeChild(start, _nextPid++, this);
            _started.Add(child);
            return child;
        }
    }
}

/// <summary>One fake worker: it says status lines and exits when told.</summary>
internal sealed class FakeChild(ChildStart start, int pid, FakeLauncher launcher) : IChildProcess
{
    private readonly TaskCompletionSource<ChildExit> _exit = new();

    public ChildStart Start { get; } = start;

    public int Pid { get; } = pid;

    public Task<ChildExit> Exited => _exit.Task;

    public int Terminations { get; private set; }

    public bool Killed { get; private set; }

    /// <summary>Whether it was told the kill switch was pulled before its SIGTERM.</summary>
    public bool ToldKillSwitch { get; private set; }

    public bool HasExited => _exit.Task.IsCompleted;

    public void Say(string json) => Start.OnStatusLine(json);

    public void Running() => Say($$"""{"time":"2026-11-26T19:00:00.000+00:00","process":"{{Start.Process.Name}}","event":"running","pid":{{Pid}},"fencing":1}""");

    public void Exit(int code) => _exit.TrySetResult(new ChildExit(code));

    public void Terminate()
    {
        Terminations++;
        if (launcher.ObeysTerminate)
        {
            Exit(0);
        }
    }

    public void TerminateForKillSwitch()
    {
        ToldKillSwitch = true;
        Terminate();
    }

    public void Kill()
    {
        Killed = true;
        Exit(137);
    }

    public void Dispose()
    {
    }
}
