using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// Runs <c>clients/pro.mjs</c>: unmodified ccxt pro <c>kraken</c> clients (one per named key) on the sandbox's REST and
/// WebSocket v2 endpoints, with background watches and waits on what they received (see the script's header).
/// </summary>
internal sealed class ProClient(Uri baseUrl)
{
    private readonly Dictionary<string, ApiKeyPair> _clients = new(StringComparer.Ordinal);
    private readonly JsonArray _steps = [];

    /// <summary>Adds a named client (the first one is the default of every step).</summary>
    public ProClient With(string name, ApiKeyPair key)
    {
        _clients[name] = key;
        return this;
    }

    /// <summary>A call on <paramref name="client"/> (null: the first): REST or WebSocket, awaited.</summary>
    public int Call(string? client, string method, params object?[] args) =>
        Add(new JsonObject { ["client"] = client, ["method"] = method, ["args"] = JsonSerializer.SerializeToNode(args) });

    /// <summary>Starts a background watch keeping its latest value under <paramref name="name"/>.</summary>
    public int Watch(string? client, string name, string method, params object?[] args) =>
        Add(new JsonObject { ["client"] = client, ["watch"] = name, ["method"] = method, ["args"] = JsonSerializer.SerializeToNode(args) });

    /// <summary>Waits until the watch <paramref name="name"/> holds an item with every field of <paramref name="match"/>.</summary>
    public int Wait(string name, object match, int timeoutMs = 15_000) =>
        Add(new JsonObject { ["wait"] = name, ["match"] = JsonSerializer.SerializeToNode(match), ["timeoutMs"] = timeoutMs });

    public Task<IReadOnlyList<StepOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        var spec = new JsonObject
        {
            ["base"] = baseUrl.ToString().TrimEnd('/'),
            ["clients"] = new JsonObject(_clients.Select(c => KeyValuePair.Create<string, JsonNode?>(c.Key, new JsonObject { ["key"] = c.Value.Key, ["secret"] = c.Value.Secret }))),
            ["steps"] = _steps.DeepClone(),
        };
        return NodeClient.RunScriptAsync("pro.mjs", spec.ToJsonString(), "ccxt pro kraken", cancellationToken);
    }

    private int Add(JsonObject step)
    {
        _steps.Add(step);
        return _steps.Count - 1;
    }
}
