using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Dashboard;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Operations;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead halt|resume FILE STRATEGY</c>, <c>bulkhead restart FILE PROCESS</c>, <c>bulkhead kill FILE [--rearm]</c> (and
/// <c>bulkhead flatten</c> when a supervisor serves the fleet): the dashboard's actions from a shell. Each is sent to the
/// running supervisor's <c>POST /api/actions</c> with the operator token — the same <see cref="FleetOperator"/> the page's
/// buttons use, journaled the same way — then followed until it finishes, printing its progress. The supervisor is
/// found at <c>--url</c>, else where it recorded its address (<see cref="SupervisorAddress"/>). Exit 0 done, 1 failed or
/// refused (the reason printed), 2 usage: bad manifest, no supervisor answering, a token that may not act.
/// </summary>
internal static class OperatorCommands
{
    public static Command CreateHalt(CliEnvironment environment) =>
        Create(environment, OperatorActions.Halt, "STRATEGY", "Halt a strategy: its trader cancels its orders, disarms its dead man's switch and stops; the supervisor keeps it halted until it is resumed.");

    public static Command CreateResume(CliEnvironment environment) =>
        Create(environment, OperatorActions.Resume, "STRATEGY", "Resume a halted strategy: the supervisor starts its trader again (refused while the kill switch is pulled).");

    public static Command CreateRestart(CliEnvironment environment) =>
        Create(environment, OperatorActions.Restart, "PROCESS", "Restart a supervised process: stop it gracefully and start it again at once.");

    public static Command CreateKill(CliEnvironment environment)
    {
        var rearm = new Option<bool>("--rearm") { Description = "Re-arm the kill switch instead (strategies stay halted until resumed)." };
        var command = Create(environment, OperatorActions.Kill, null, "Pull the fleet's kill switch: every trader cancels its orders and stops, every dead man's switch fires, and nothing starts until it is re-armed (--rearm).", rearm);
        return command;
    }

    /// <summary>The options every operator command shares.</summary>
    internal sealed record Common(Option<string?> Env, Option<string?> Url, Option<string?> Token, Option<string?> Operator, Option<bool> NoWait)
    {
        public static Common Create() => new(
            new Option<string?>("--env") { Description = "The manifest's environment (default: its default_environment)." },
            new Option<string?>("--url") { Description = "The supervisor's dashboard, e.g. http://127.0.0.1:8080 (default: the address `bulkhead run` recorded beside the manifest)." },
            new Option<string?>("--token") { Description = $"The operator token (else {DashboardOptions.OperatorTokenVariable}, else {OperatorTokenFile.Name} beside the manifest)." },
            new Option<string?>("--operator") { Description = "Your name, for the journal (default: the user name)." },
            new Option<bool>("--no-wait") { Description = "Print the journaled action and return at once instead of following it." });

        public void AddTo(Command command)
        {
            command.Options.Add(Env);
            command.Options.Add(Url);
            command.Options.Add(Token);
            command.Options.Add(Operator);
            command.Options.Add(NoWait);
        }
    }

    /// <summary>Sends <paramref name="action"/> on <paramref name="target"/> to the supervisor serving <paramref name="manifest"/>, then follows it.</summary>
    internal static async Task<int> SubmitAsync(CliEnvironment environment, FleetManifest manifest, string? env, string action, string? target, string? url, string? token, string? name, bool noWait, CancellationToken cancellationToken)
    {
        var environmentName = env ?? manifest.Fleet.DefaultEnvironment;
        var address = url is not null ? TryUri(url) : SupervisorAddress.Read(manifest, environmentName)?.Url;
        if (address is null)
        {
            await environment.Error.WriteLineAsync(url is not null
                ? $"bulkhead {action}: --url {url} is not an http(s) address"
                : $"bulkhead {action}: no supervisor serves {manifest.SourceFile} ({environmentName}): start `bulkhead run {manifest.SourceFile} --port PORT`, or give --url").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        token ??= environment.GetVariable(DashboardOptions.OperatorTokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : OperatorTokenFile.Read(manifest.BaseDirectory);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var who = string.IsNullOrWhiteSpace(name) ? System.Environment.UserName : name;
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("api/actions", new { action, target, @operator = who, source = $"cli {System.Environment.UserName}@{System.Environment.MachineName}" }, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await environment.Error.WriteLineAsync($"bulkhead {action}: the supervisor at {address} does not answer ({e.Message}): is `bulkhead run … --port` running?").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType)
            {
                await environment.Error.WriteLineAsync($"bulkhead {action}: {(int)response.StatusCode} {ErrorOf(body)}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var entry = JsonNode.Parse(body)!.AsObject();
            var id = (string)entry["id"]!;
            await environment.Out.WriteLineAsync($"{id} {action} {(string?)entry["target"]} by {(string?)entry["operator"]}: {(string?)entry["state"]}").ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Conflict || noWait)
            {
                return await FinishedAsync(environment, entry).ConfigureAwait(false);
            }

            return await FollowAsync(environment, http, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Command Create(CliEnvironment environment, string action, string? targetName, string description, Option<bool>? rearm = null)
    {
        var file = new Argument<string>("FILE") { Description = "The fleet manifest (fleet.toml) the supervisor runs." };
        var target = targetName is null ? null : new Argument<string>(targetName) { Description = targetName == "PROCESS" ? "The supervised process." : "The strategy." };
        var common = Common.Create();
        var command = new Command(action, description) { file };
        if (target is not null)
        {
            command.Arguments.Add(target);
        }

        if (rearm is not null)
        {
            command.Options.Add(rearm);
        }

        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, parse.GetValue(common.Env)) is not { } manifest)
            {
                return ExitCodes.Usage;
            }

            var chosen = rearm is not null && parse.GetValue(rearm) ? OperatorActions.Rearm : action;
            return await SubmitAsync(environment, manifest, parse.GetValue(common.Env), chosen, target is null ? null : parse.GetValue(target),
                parse.GetValue(common.Url), parse.GetValue(common.Token), parse.GetValue(common.Operator), parse.GetValue(common.NoWait), ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> FollowAsync(CliEnvironment environment, HttpClient http, string id, CancellationToken cancellationToken)
    {
        string? shown = null;
        while (true)
        {
            JsonObject entry;
            try
            {
                entry = (await http.GetFromJsonAsync<JsonNode>($"api/actions/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false))!.AsObject();
            }
            catch (Exception e) when (e is HttpRequestException or JsonException)
            {
                await environment.Error.WriteLineAsync($"{id}: lost the supervisor while following the action ({e.Message}); its journal has the outcome").ConfigureAwait(false);
                return ExitCodes.CallFailed;
            }

            if ((string?)entry["progress"] is { } progress && progress != shown)
            {
                shown = progress;
                await environment.Out.WriteLineAsync($"  {progress}").ConfigureAwait(false);
            }

            if ((string?)entry["state"] != "running")
            {
                return await FinishedAsync(environment, entry).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), environment.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> FinishedAsync(CliEnvironment environment, JsonObject entry)
    {
        var state = (string?)entry["state"];
        if (state == "running")
        {
            return ExitCodes.Success;
        }

        await (state == "done" ? environment.Out : environment.Error).WriteLineAsync($"{(string?)entry["id"]}: {state}: {(string?)entry["result"]}").ConfigureAwait(false);
        return state == "done" ? ExitCodes.Success : ExitCodes.CallFailed;
    }

    private static Uri? TryUri(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string ErrorOf(string body)
    {
        try
        {
            return (string?)JsonNode.Parse(body)?["error"] ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
