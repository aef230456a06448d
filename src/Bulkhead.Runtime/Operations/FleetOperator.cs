using System.Globalization;
using System.Text.Json;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Operations;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Runtime.Operations;

/// <summary>
/// The one implementation of every operator action on a supervised fleet — halt, resume and flatten a strategy, restart
/// a process, pull and re-arm the kill switch — used by the dashboard's buttons and, through the dashboard's API, by
/// <c>bulkhead halt|resume|flatten|restart|kill</c>. Each action is journaled (who, when, what, its progress and result)
/// in the <see cref="OperatorJournal"/>; a refused one is journaled refused. <see cref="Submit"/> answers at once and the
/// work goes on in the background (a flatten takes seconds), its progress in the journal.
/// </summary>
public sealed class FleetOperator
{
    private readonly FleetSupervisor _supervisor;
    private readonly OperatorJournal _journal;
    private readonly TimeProvider _time;
    private readonly FleetManifest _manifest;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Id, Task<OperatorAction> Finished)> _running = new(StringComparer.Ordinal);

    /// <summary>Acts on <paramref name="supervisor"/>'s fleet and journals in <paramref name="journal"/> (owned by the caller).</summary>
    public FleetOperator(FleetSupervisor supervisor, OperatorJournal journal, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        _supervisor = supervisor;
        _journal = journal;
        _time = time;
        _manifest = supervisor.Manifest;
    }

    /// <summary>How long a flattener may run before it is stopped and the flatten fails.</summary>
    /// <value>2 minutes.</value>
    public TimeSpan FlattenTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The journal every action is written to.</summary>
    public OperatorJournal Journal => _journal;

    /// <summary>
    /// Puts the kill switch where the journal last left it (call before the supervisor starts): a fleet whose kill switch
    /// was pulled starts no trader until someone re-arms it.
    /// </summary>
    /// <returns>The pull that is still in force, or null.</returns>
    public OperatorAction? RestoreKillSwitch()
    {
        var pulled = _journal.PulledKillSwitch();
        if (pulled is not null)
        {
            _supervisor.RestoreKillSwitch(new KillSwitchState(pulled.StartedAt, Who(pulled.Operator, pulled.Source)));
        }

        return pulled;
    }

    /// <summary>
    /// Journals <paramref name="request"/> and starts it; a request that cannot be done now is journaled
    /// <see cref="OperatorActionState.Refused"/> with the reason and returned finished.
    /// </summary>
    public OperatorSubmission Submit(OperatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Action.Trim().ToLowerInvariant();
        var target = OperatorActions.OnFleet(action) ? "fleet" : request.Target?.Trim() ?? string.Empty;
        var by = string.IsNullOrWhiteSpace(request.Operator) ? "operator" : request.Operator.Trim();
        var source = string.IsNullOrWhiteSpace(request.Source) ? "unknown" : request.Source.Trim();
        lock (_gate)
        {
            if (Refusal(action, target) is { } refusal)
            {
                var refused = _journal.Start(action.Length == 0 ? "?" : action, target.Length == 0 ? "?" : target, by, source, refusal);
                return new OperatorSubmission(refused, Task.FromResult(refused));
            }

            var started = _journal.Start(action, target, by, source);
            var finished = Task.Run(() => RunAsync(started));
            _running[target] = (started.Id, finished);
            _ = finished.ContinueWith(_ => Forget(target, started.Id), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new OperatorSubmission(started, finished);
        }
    }

    /// <summary>The action <paramref name="id"/> as journaled now, or null.</summary>
    public OperatorAction? Find(string id) => _journal.Find(id);

    /// <summary>The newest actions, newest first.</summary>
    public IReadOnlyList<OperatorAction> Recent(int count = 20) => _journal.Recent(count);

    private string? Refusal(string action, string target)
    {
        if (!OperatorActions.All.Contains(action))
        {
            return $"unknown action '{action}': use one of {string.Join(", ", OperatorActions.All)}";
        }

        var supervised = _supervisor.Snapshot();
        if (OperatorActions.OnStrategy(action))
        {
            if (_manifest.FindStrategy(target) is null)
            {
                return $"no strategy '{target}' in the manifest (strategies: {string.Join(", ", _manifest.Strategies.Select(s => s.Name))})";
            }

            if (!supervised.Any(p => p.Strategy == target && p.Role == FleetRole.Trader))
            {
                return $"this supervisor runs no trader of strategy '{target}'";
            }

            if (action == OperatorActions.Flatten && Flattener(target) is null)
            {
                return $"strategy '{target}' has no flattener process: add [processes.{target}-flattener] with role = \"flattener\" and strategy = \"{target}\"";
            }
        }
        else if (action == OperatorActions.Restart && !supervised.Any(p => p.Process == target))
        {
            return $"this supervisor runs no process '{target}' (it runs {string.Join(", ", supervised.Select(p => p.Process))})";
        }

        var trader = action == OperatorActions.Restart ? supervised.FirstOrDefault(p => p.Process == target)?.Role == FleetRole.Trader : action == OperatorActions.Resume;
        if (trader && _supervisor.KillSwitch is { } pulled)
        {
            return $"the kill switch is pulled (by {pulled.By}): re-arm it first";
        }

        if (action == OperatorActions.Rearm && _supervisor.KillSwitch is null)
        {
            return "the kill switch is not pulled";
        }

        return _running.TryGetValue(target, out var busy) ? $"{target} is busy with {busy.Id}: wait for it to finish" : null;
    }

    private async Task<OperatorAction> RunAsync(OperatorAction action)
    {
        try
        {
            var result = action.Action switch
            {
                OperatorActions.Halt => await HaltAsync(action).ConfigureAwait(false),
                OperatorActions.Resume => Resume(action),
                OperatorActions.Flatten => await FlattenAsync(action).ConfigureAwait(false),
                OperatorActions.Restart => Restart(action),
                OperatorActions.Kill => await KillAsync(action).ConfigureAwait(false),
                _ => Rearm(),
            };
            return _journal.Finish(action.Id, result.State, result.Text);
        }
#pragma warning disable CA1031 // An action's last line of defence: journal the failure instead of losing it in a background task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return _journal.Finish(action.Id, OperatorActionState.Failed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<(OperatorActionState State, string Text)> HaltAsync(OperatorAction action)
    {
        var traders = Traders(action.Target);
        await Task.WhenAll(traders.Select(t => _supervisor.HaltAsync(t, $"operator: halted by {Who(action.Operator, action.Source)}"))).ConfigureAwait(false);
        return (OperatorActionState.Done, $"halted {string.Join(", ", traders)} (orders cancelled, dead man's switch disarmed)");
    }

    private (OperatorActionState State, string Text) Resume(OperatorAction action)
    {
        var traders = Traders(action.Target);
        return traders.All(_supervisor.Resume)
            ? (OperatorActionState.Done, $"resumed {string.Join(", ", traders)}")
            : (OperatorActionState.Refused, "the kill switch is pulled: re-arm it first");
    }

    private (OperatorActionState State, string Text) Restart(OperatorAction action) =>
        _supervisor.Restart(action.Target)
            ? (OperatorActionState.Done, $"restarting {action.Target}")
            : (OperatorActionState.Refused, "the kill switch is pulled: re-arm it first");

    private async Task<(OperatorActionState State, string Text)> FlattenAsync(OperatorAction action)
    {
        var traders = Traders(action.Target);
        _journal.Progress(action.Id, $"halting {string.Join(", ", traders)}");
        await Task.WhenAll(traders.Select(t => _supervisor.HaltAsync(t, $"operator: flattened by {Who(action.Operator, action.Source)}"))).ConfigureAwait(false);
        var flattener = Flattener(action.Target)!;
        _journal.Progress(action.Id, $"{string.Join(", ", traders)} halted; {flattener.Name} cancels every order and closes the position");
        var progress = new FlattenProgress(text => _journal.Progress(action.Id, text));
        var exit = await _supervisor.RunOnceAsync(flattener, progress.OnStatusLine, FlattenTimeout, CancellationToken.None).ConfigureAwait(false);
        return exit.ExitCode == 0
            ? (OperatorActionState.Done, $"flattened {action.Target}: {progress.Orders} closing order(s), {progress.Fills} fill(s); {string.Join(", ", traders)} stays halted")
            : (OperatorActionState.Failed, $"{flattener.Name} exited {exit.ExitCode}{(progress.Error is { } e ? $": {e}" : string.Empty)}; {string.Join(", ", traders)} stays halted");
    }

    private async Task<(OperatorActionState State, string Text)> KillAsync(OperatorAction action)
    {
        var traders = _supervisor.Snapshot().Where(p => p.Role == FleetRole.Trader).Select(p => p.Process).ToList();
        _journal.Progress(action.Id, $"stopping {string.Join(", ", traders)}");
        var state = await _supervisor.PullKillSwitchAsync(Who(action.Operator, action.Source), action.StartedAt).ConfigureAwait(false);
        var seconds = (_time.GetUtcNow() - action.StartedAt).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return (OperatorActionState.Done, $"kill switch pulled by {state.By}: {traders.Count} trader(s) stopped in {seconds} s (orders cancelled, dead man's switches set to fire); nothing starts until re-armed");
    }

    private (OperatorActionState State, string Text) Rearm() =>
        _supervisor.Rearm()
            ? (OperatorActionState.Done, "kill switch re-armed: strategies stay halted until resumed")
            : (OperatorActionState.Refused, "the kill switch is not pulled");

    private List<string> Traders(string strategy) =>
        [.. _supervisor.Snapshot().Where(p => p.Strategy == strategy && p.Role == FleetRole.Trader).Select(p => p.Process)];

    private FleetProcess? Flattener(string strategy) =>
        _manifest.Processes.FirstOrDefault(p => p.Role == FleetRole.Flattener && p.Strategy == strategy);

    private void Forget(string target, string id)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(target, out var running) && running.Id == id)
            {
                _running.Remove(target);
            }
        }
    }

    private static string Who(string name, string source) => $"{name} ({source})";

    /// <summary>Turns a flattener's status lines (Contract W) into progress: each order and fill, and its error.</summary>
    private sealed class FlattenProgress(Action<string> report)
    {
        public int Orders { get; private set; }

        public int Fills { get; private set; }

        public string? Error { get; private set; }

        public void OnStatusLine(string line)
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string Field(string name) => root.TryGetProperty(name, out var v) ? v.ToString() : string.Empty;
                switch (Field("event"))
                {
                    case "order" when Field("state") is "open" or "filled" or "rejected":
                        Orders++;
                        report($"order {Field("side")} {Field("quantity")} {Field("symbol")} {Field("type")}: {Field("state")}");
                        break;
                    case "fill":
                        Fills++;
                        report($"fill {Field("side")} {Field("quantity")} {Field("symbol")} at {Field("price")}");
                        break;
                    case "error":
                        Error = Field("message");
                        report($"error: {Error}");
                        break;
                    default:
                        break;
                }
            }
            catch (JsonException)
            {
                // Not a status line: the supervisor's parser ignores those too.
            }
        }
    }
}
