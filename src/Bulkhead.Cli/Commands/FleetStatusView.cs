using System.Globalization;
using Bulkhead.Runtime.Supervisor;
using Spectre.Console;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// What <c>bulkhead run</c> and <c>bulkhead demo</c> show while the fleet runs: a live Spectre.Console table when stdout
/// is a terminal, otherwise one plain line per change of a process's state, pid, restarts or reason.
/// </summary>
internal static class FleetStatusView
{
    /// <summary>Shows the fleet until <paramref name="stop"/> is cancelled or every process has ended.</summary>
    public static async Task ShowAsync(CliEnvironment environment, FleetSupervisor supervisor, bool live, CancellationToken stop)
    {
        var ended = supervisor.Completion;
        if (live)
        {
            await AnsiConsole.Live(Table(supervisor.Snapshot(), environment.Time.GetUtcNow())).AutoClear(false).StartAsync(async context =>
            {
                while (!stop.IsCancellationRequested && !ended.IsCompleted)
                {
                    context.UpdateTarget(Table(supervisor.Snapshot(), environment.Time.GetUtcNow()));
                    context.Refresh();
                    await Task.WhenAny(ended, Task.Delay(TimeSpan.FromMilliseconds(500), environment.Time, stop)).ConfigureAwait(false);
                }

                context.UpdateTarget(Table(supervisor.Snapshot(), environment.Time.GetUtcNow()));
            }).ConfigureAwait(false);
            return;
        }

        var printed = new Dictionary<string, string>(StringComparer.Ordinal);
        var gate = new Lock();
        void Print(object? sender, EventArgs e)
        {
            lock (gate)
            {
                foreach (var status in supervisor.Snapshot())
                {
                    var key = $"{status.State}|{status.Restarts}|{status.HaltReason}";
                    if (printed.GetValueOrDefault(status.Process) != key)
                    {
                        printed[status.Process] = key;
                        environment.Out.WriteLine(Line(status, environment.Time.GetUtcNow()));
                        environment.Out.Flush();
                    }
                }
            }
        }

        supervisor.Changed += Print;
        try
        {
            Print(null, EventArgs.Empty);
            await Task.WhenAny(ended, Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, stop)).ConfigureAwait(false);
        }
        finally
        {
            supervisor.Changed -= Print;
        }
    }

    /// <summary>The table once, in plain text (the final state after a stop).</summary>
    public static void PrintFinal(CliEnvironment environment, FleetSupervisor supervisor) =>
        FleetReadSupport.Console(environment.Out).Write(Table(supervisor.Snapshot(), environment.Time.GetUtcNow()));

    /// <summary>One plain status line: <c>time process state pid=… restarts=… reason</c>.</summary>
    public static string Line(ProcessStatus status, DateTimeOffset now)
    {
        var pid = status.Pid is { } p ? $" pid={p}" : string.Empty;
        var next = status.NextStart is { } at ? $" next-start-in={Seconds(at - now)}" : string.Empty;
        var reason = status.HaltReason is { } r ? $" reason=\"{r}\"" : string.Empty;
        return $"{now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {status.Process} {State(status.State)}{pid} restarts={status.Restarts}{next}{reason}";
    }

    public static Table Table(IReadOnlyList<ProcessStatus> processes, DateTimeOffset now)
    {
        var table = new Table().AddColumns("process", "role", "account", "state", "pid", "restarts", "heartbeat", "fills", "P&L USD", "halted reason");
        foreach (var s in processes)
        {
            var heartbeat = s.LastHeartbeat is { } at ? $"{Seconds(now - at)} ago" : "-";
            var state = s.State switch
            {
                ProcessState.Running => "[green]running[/]",
                ProcessState.Halted or ProcessState.Failed => $"[red]{State(s.State)}[/]",
                ProcessState.Backoff => "[yellow]backoff[/]",
                _ => State(s.State),
            };
            table.AddRow(
                Markup.Escape(s.Process),
                s.Role.ToString().ToLowerInvariant(),
                Markup.Escape(s.Account),
                state,
                s.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.Restarts.ToString(CultureInfo.InvariantCulture),
                heartbeat,
                s.Heartbeat?.Fills?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.Heartbeat?.PnlUsd is { } pnl ? FleetReadSupport.Usd(pnl) : "-",
                Markup.Escape(s.State is ProcessState.Halted or ProcessState.Failed or ProcessState.Backoff ? s.HaltReason ?? string.Empty : string.Empty));
        }

        return table;
    }

    private static string State(ProcessState state) => state.ToString().ToLowerInvariant();

    private static string Seconds(TimeSpan span) => $"{Math.Max(0, span.TotalSeconds):0.#}s";
}
