using System.Diagnostics;
using Bulkhead.Runtime.Supervisor.Internal;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Gateway;

/// <summary>
/// A manifest process with <c>command = […]</c>, run by its worker: a gateway on loopback over the worker's own session
/// (lease, fenced nonces, guard, budgets, call journal), then the command as a child process given only a clean
/// environment plus <c>KRAKEN_API_URL</c>, <c>KRAKEN_FUTURES_URL</c>, <c>KRAKEN_API_KEY</c> and <c>KRAKEN_API_SECRET</c>
/// (the local credential). The real secret never reaches the child: not in its environment, arguments or files.
/// The worker's heartbeats report the gateway's calls and the key's guard; exit codes follow Contract W: the bot's
/// own exit 0 ends the process (stopped), any other exit is a crash (the supervisor restarts it with backoff), and a
/// key halted by its guard stops the bot and halts the process (never restarted).
/// </summary>
internal static class ExternalBotRunner
{
    /// <summary>The variables the bot gets; it takes every other one from <c>KRAKEN_*</c> or nothing.</summary>
    public const string ApiUrl = "KRAKEN_API_URL";
    public const string FuturesUrl = "KRAKEN_FUTURES_URL";
    public const string ApiKey = "KRAKEN_API_KEY";
    public const string ApiSecret = "KRAKEN_API_SECRET";

    // Passed on from the worker's environment: what programs need to start and find their libraries, nothing that
    // could carry a credential (the manifest's env: secrets, the secrets key, tokens).
    private static readonly string[] Passed = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM", "NODE_PATH", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONUNBUFFERED"];

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        var calls = new CallTracker(run.Calls);
        var credential = LocalCredential.Create();
        await using var gateway = await GatewayHost.StartOnSessionAsync(
            run.Session,
            ownsSession: false,
            new GatewayOptions
            {
                Manifest = run.Manifest,
                ProcessName = run.Process.Name,
                Environment = run.Options.Environment,
                Credential = credential,
                Time = run.Time,
                GetVariable = run.Options.GetVariable,
                Journal = calls,
            },
            stop).ConfigureAwait(false);
        run.Status.Write("gateway", ("url", gateway.Url.ToString()));

        using var bot = Start(run, gateway);
        run.Status.Write("bot", ("pid", bot.Id), ("program", run.Process.Command[0]));
        var exited = bot.WaitForExitAsync(CancellationToken.None);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, run.Session.LeaseLost);
        try
        {
            while (!exited.IsCompleted)
            {
                Heartbeat(run, gateway, calls, bot.Id);
                if (run.Session.Guard.State.Halted)
                {
                    await StopAsync(bot, exited, run.Time).ConfigureAwait(false);
                    throw Halted(run);
                }

                await Task.WhenAny(exited, Task.Delay(run.Options.HeartbeatInterval, run.Time, linked.Token)).ConfigureAwait(false);
                linked.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            run.Status.Write("stopping");
            await StopAsync(bot, exited, run.Time).ConfigureAwait(false);
            if (run.Session.LeaseLost.IsCancellationRequested)
            {
                throw;
            }

            return WorkerExitCodes.Stopped;
        }

        Heartbeat(run, gateway, calls, bot.Id);
        if (run.Session.Guard.State.Halted)
        {
            throw Halted(run);
        }

        return bot.ExitCode == 0
            ? WorkerExitCodes.Stopped
            : throw new WorkerHaltException(WorkerExitCodes.Crashed, $"{run.Process.Command[0]} exited with code {bot.ExitCode}");
    }

    private static Process Start(WorkerRun run, GatewayHost gateway)
    {
        var command = run.Process.Command;
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = run.Manifest.BaseDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in Passed)
        {
            if (run.Options.GetVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        var url = gateway.Url.ToString().TrimEnd('/');
        start.Environment[ApiUrl] = url;
        start.Environment[FuturesUrl] = url;
        start.Environment[ApiKey] = gateway.Credential.ApiKey;
        start.Environment[ApiSecret] = gateway.Credential.Secret;

        Process bot;
        try
        {
            bot = Process.Start(start) ?? throw new WorkerHaltException(WorkerExitCodes.Configuration, $"cannot start {command[0]}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, $"cannot start {command[0]} (from {run.Manifest.BaseDirectory}): {ex.Message}");
        }

        // The bot's output is its log: onto the worker's stderr (its stdout carries Contract W status lines only).
        var label = run.Process.Name;
        bot.OutputDataReceived += (_, e) => Forward(run, label, e.Data);
        bot.ErrorDataReceived += (_, e) => Forward(run, label, e.Data);
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        bot.StandardInput.Close();
        return bot;
    }

    private static void Forward(WorkerRun run, string name, string? line)
    {
        if (line is not null)
        {
            run.Log($"[{name}] {line}");
        }
    }

    private static void Heartbeat(WorkerRun run, GatewayHost gateway, CallTracker calls, int pid) =>
        run.Status.Write(
            "heartbeat",
            ("botPid", pid),
            ("relayed", gateway.Relayed),
            ("refused", gateway.Refused),
            ("lastNonceAt", calls.LastSignedAt),
            ("guard", run.Session.Guard.State.Halted ? "halted" : "ok"),
            ("calls", calls.Calls),
            ("errors", calls.Errors));

    private static WorkerHaltException Halted(WorkerRun run) =>
        new(WorkerExitCodes.HaltedAuth, $"auth: key {run.Session.Key.Name} halted by its lockout guard ({run.Session.Guard.State.Reason}); the bot was stopped");

    // SIGTERM, then SIGKILL after a grace period.
    private static async Task StopAsync(Process bot, Task exited, TimeProvider time)
    {
        if (exited.IsCompleted)
        {
            return;
        }

        Signals.Send(bot.Id, Signals.Terminate);
        if (await Task.WhenAny(exited, Task.Delay(StopGrace, time)).ConfigureAwait(false) != exited)
        {
            bot.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
        }
    }
}
