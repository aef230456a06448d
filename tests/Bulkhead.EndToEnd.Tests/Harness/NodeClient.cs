using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// Runs <c>clients/run.mjs</c> with node: one unmodified third-party client (ccxt <c>kraken</c>, <c>krakenfutures</c>,
/// npm <c>kraken-api</c>) making real HTTP calls to the sandbox. Missing node or node_modules is a failure with the fix
/// in the message, never a skip: test.sh installs both.
/// </summary>
internal static class NodeClient
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string> ClientsFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulkhead.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "tests", "Bulkhead.EndToEnd.Tests", "clients");
                if (!Directory.Exists(Path.Combine(folder, "node_modules", "ccxt")) || !Directory.Exists(Path.Combine(folder, "node_modules", "kraken-api")))
                {
                    throw new InvalidOperationException(
                        $"The end-to-end clients are not installed: run `npm ci` in {folder} (./test.sh does it).");
                }

                return folder;
            }
        }

        throw new InvalidOperationException($"Bulkhead.slnx not found above {AppContext.BaseDirectory}: run the tests from the source tree.");
    });

    /// <summary>The folder of the driver scripts and their node_modules.</summary>
    public static string Folder => ClientsFolder.Value;

    /// <summary>Runs the steps with one client and returns each step's outcome.</summary>
    public static Task<IReadOnlyList<StepOutcome>> RunAsync(ClientSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RunScriptAsync("run.mjs", spec.ToJson(), spec.Client, cancellationToken);
    }

    /// <summary>Runs one driver script of <c>clients/</c> (<c>run.mjs</c>, <c>pro.mjs</c>) with its JSON spec and returns each step's outcome.</summary>
    public static async Task<IReadOnlyList<StepOutcome>> RunScriptAsync(string script, string specJson, string label, CancellationToken cancellationToken)
    {
        var folder = ClientsFolder.Value;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["BULKHEAD_E2E_SPEC"] = specJson;
        start.Environment.Remove("HTTP_PROXY");
        start.Environment.Remove("HTTPS_PROXY");
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("https_proxy");

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node (18 or later) is not on PATH: the end-to-end tests need it to run ccxt and kraken-api; ./test.sh installs it.", e);
        }

        using (process)
        {
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
                throw new TimeoutException($"node {script} ({label}) did not finish within {Deadline}");
            }

            var output = await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node {script} ({label}) exited {process.ExitCode}: {errors}");
            }

            var document = JsonNode.Parse(output) ?? throw new InvalidOperationException($"node printed no JSON: {output} {errors}");
            return [.. document["steps"]!.AsArray().Select(s => StepOutcome.From(s!))];
        }
    }
}

/// <summary>What a client run does: which client, where, with which key, and the steps.</summary>
internal sealed record ClientSpec(string Client, Uri BaseUrl, string? Key, string? Secret, IReadOnlyList<ClientStep> Steps, IReadOnlyDictionary<string, object>? Options = null)
{
    public string ToJson() => JsonSerializer.Serialize(new
    {
        client = Client,
        @base = BaseUrl.ToString().TrimEnd('/'),
        key = Key,
        secret = Secret,
        options = Options ?? new Dictionary<string, object>(),
        steps = Steps.Select(s => s.ToJsonObject()),
    });

    /// <inheritdoc />
    public override string ToString() => $"ClientSpec({Client}, {BaseUrl}, {Steps.Count} steps)";
}

/// <summary>
/// One call: <paramref name="Method"/> with <paramref name="Args"/>, optionally with a pinned nonce, optionally repeated,
/// optionally polled until it answers empty (<paramref name="UntilEmptyMs"/>). A string argument <c>"$step[N].field"</c>
/// is step N's answer's field (see clients/run.mjs).
/// </summary>
internal sealed record ClientStep(string Method, IReadOnlyList<object?>? Args = null, long? Nonce = null, int Repeat = 1, int? UntilEmptyMs = null)
{
    /// <summary>A reference to a field of an earlier step's answer, e.g. <c>Ref(0, "id")</c>.</summary>
    public static string Ref(int step, string path = "") => path.Length == 0 ? $"$step[{step}]" : $"$step[{step}].{path}";

    public static ClientStep Call(string method, params object?[] args) => new(method, args);

    public JsonObject ToJsonObject()
    {
        var step = new JsonObject
        {
            ["method"] = Method,
            ["args"] = JsonSerializer.SerializeToNode(Args ?? []),
            ["repeat"] = Repeat,
        };
        if (Nonce is { } nonce)
        {
            step["nonce"] = nonce;
        }

        if (UntilEmptyMs is { } until)
        {
            step["untilEmptyMs"] = until;
        }

        return step;
    }
}

/// <summary>One step's outcome as the client saw it: a value, or an error class (ccxt's) and message.</summary>
internal sealed record StepOutcome(bool Ok, JsonNode? Value, string? Error, string? Message, int Calls)
{
    public static StepOutcome From(JsonNode node) => new(
        node["ok"]!.GetValue<bool>(),
        node["value"]?.DeepClone(),
        node["error"]?.GetValue<string>(),
        node["message"]?.GetValue<string>(),
        node["calls"]?.GetValue<int>() ?? 1);

    public override string ToString() => Ok ? $"ok: {Value?.ToJsonString()}" : $"{Error}: {Message} (after {Calls} calls)";
}
