using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Sockets.Spot;

/// <summary>A raw client on the Spot private endpoint <c>/auth/v2</c> with a token from REST GetWebSocketsToken.</summary>
public sealed class SpotPrivateSession : IAsyncDisposable
{
    private long _reqId;

    private SpotPrivateSession(SpotSandbox sandbox, SocketClient client, string token)
    {
        Sandbox = sandbox;
        Client = client;
        Token = token;
    }

    public SpotSandbox Sandbox { get; }

    public SocketClient Client { get; }

    public string Token { get; }

    public static async Task<SpotPrivateSession> OpenAsync(SpotSandbox sandbox, TestKey key) =>
        await OpenAsync(sandbox, await TokenAsync(sandbox, key));

    public static async Task<SpotPrivateSession> OpenAsync(SpotSandbox sandbox, string token)
    {
        var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/auth/v2");
        await client.ChannelAsync("status");
        return new SpotPrivateSession(sandbox, client, token);
    }

    public static async Task<string> TokenAsync(SpotSandbox sandbox, TestKey key) =>
        (await sandbox.PrivateAsync(key, "GetWebSocketsToken")).ShouldSucceed().GetProperty("token").GetString()!;

    /// <summary>Sends <paramref name="method"/> with <paramref name="parameters"/> (a JSON object; the token is added unless <paramref name="withToken"/> is false) and returns its response.</summary>
    public async Task<JsonElement> CallAsync(string method, string parameters = "{}", bool withToken = true)
    {
        var reqId = Interlocked.Increment(ref _reqId);
        await SendAsync(method, parameters, reqId, withToken);
        return await Client.ResponseAsync(reqId);
    }

    public async Task SendAsync(string method, string parameters, long reqId, bool withToken = true)
    {
        var node = JsonNode.Parse(parameters)!.AsObject();
        if (withToken)
        {
            node["token"] = Token;
        }

        var frame = new JsonObject { ["method"] = method, ["params"] = node, ["req_id"] = reqId };
        await Client.SendAsync(frame.ToJsonString());
    }

    public long NextReqId() => Interlocked.Increment(ref _reqId);

    /// <summary>The <c>result</c> of a successful response.</summary>
    public async Task<JsonElement> OkAsync(string method, string parameters = "{}")
    {
        var response = await CallAsync(method, parameters);
        response.GetProperty("success").GetBoolean().ShouldBeTrue(response.GetRawText());
        return response.TryGetProperty("result", out var result) ? result : default;
    }

    /// <summary>The <c>error</c> of a failed response.</summary>
    public async Task<string> ErrorAsync(string method, string parameters = "{}", bool withToken = true)
    {
        var response = await CallAsync(method, parameters, withToken);
        response.GetProperty("success").GetBoolean().ShouldBeFalse(response.GetRawText());
        return response.GetProperty("error").GetString()!;
    }

    /// <summary>Every item of the <paramref name="channel"/> frames of <paramref name="type"/> read so far.</summary>
    public IReadOnlyList<JsonElement> Items(string channel, string type = "update") =>
        [.. Client.Seen.Where(e => Is(e, channel, type)).SelectMany(e => e.GetProperty("data").EnumerateArray())];

    /// <summary>The executions events of one order read so far, as <c>exec_type</c> names.</summary>
    public IReadOnlyList<string> ExecTypes(string orderId) =>
        [.. Items("executions").Where(i => i.GetProperty("order_id").GetString() == orderId).Select(i => i.GetProperty("exec_type").GetString()!)];

    /// <summary>Waits until an executions update item matches.</summary>
    public async Task<JsonElement> ExecutionAsync(Func<JsonElement, bool> match)
    {
        if (Items("executions").FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } seen)
        {
            return seen;
        }

        var frame = await Client.WaitForAsync(e => Is(e, "executions", "update") && e.GetProperty("data").EnumerateArray().Any(match));
        return frame.GetProperty("data").EnumerateArray().First(match);
    }

    public static string Raw(JsonElement item, string name) => item.GetProperty(name).GetRawText();

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private static bool Is(JsonElement e, string channel, string type) =>
        e.TryGetProperty("channel", out var c) && c.GetString() == channel && e.TryGetProperty("type", out var t) && t.GetString() == type;
}
