using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// The sandbox's admin API over HTTP, with the request and response shapes of issue #5 §8. Every call asserts a 2xx
/// answer, so provisioning through it also tests it.
/// </summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _token;

    public AdminClient(Uri baseUrl, string token)
    {
        _http = new HttpClient { BaseAddress = baseUrl };
        _token = token;
    }

    /// <summary><c>POST /admin/accounts</c>: a master, or a subaccount of <paramref name="master"/>.</summary>
    public async Task CreateAccountAsync(string name, string? master = null)
    {
        var body = master is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["master"] = master };
        var answer = await SendAsync(HttpMethod.Post, "/admin/accounts", body);
        answer["name"]!.GetValue<string>().ShouldBe(name);
        answer["master"]?.GetValue<string>().ShouldBe(master);
    }

    /// <summary><c>POST /admin/keys</c> for a Spot key.</summary>
    public Task<ApiKeyPair> CreateSpotKeyAsync(string account, IReadOnlyList<string> permissions, long nonceWindow = 0, IReadOnlyList<string>? ipAllowlist = null, DateTimeOffset? expiresAt = null)
    {
        var body = new JsonObject
        {
            ["account"] = account,
            ["permissions"] = new JsonArray([.. permissions.Select(p => (JsonNode)p)]),
            ["nonceWindow"] = nonceWindow,
            ["ipAllowlist"] = new JsonArray([.. (ipAllowlist ?? []).Select(p => (JsonNode)p)]),
            ["expiresAt"] = expiresAt?.ToString("O"),
        };
        return CreateKeyAsync(body);
    }

    /// <summary><c>POST /admin/keys</c> for a Futures key.</summary>
    public Task<ApiKeyPair> CreateFuturesKeyAsync(string account, string access, bool withdraw) =>
        CreateKeyAsync(new JsonObject { ["account"] = account, ["futures"] = access, ["withdraw"] = withdraw });

    /// <summary><c>POST /admin/deposits</c>; <paramref name="wallet"/> <c>futures</c> for Futures collateral.</summary>
    public async Task DepositAsync(string account, string asset, string amount, string? wallet = null)
    {
        var body = new JsonObject { ["account"] = account, ["asset"] = asset, ["amount"] = amount };
        if (wallet is not null)
        {
            body["wallet"] = wallet;
        }

        await SendAsync(HttpMethod.Post, "/admin/deposits", body);
    }

    /// <summary><c>GET /admin/keys/{key}/stats</c>.</summary>
    public Task<JsonNode> KeyStatsAsync(string key) => SendAsync(HttpMethod.Get, $"/admin/keys/{Uri.EscapeDataString(key)}/stats", null);

    /// <summary><c>GET /admin/accounts</c>.</summary>
    public Task<JsonNode> AccountsAsync() => SendAsync(HttpMethod.Get, "/admin/accounts", null);

    /// <summary><c>DELETE /admin/keys/{key}</c>.</summary>
    public Task<JsonNode> RevokeKeyAsync(string key) => SendAsync(HttpMethod.Delete, $"/admin/keys/{Uri.EscapeDataString(key)}", null);

    /// <summary>Any admin GET, asserting a 2xx answer.</summary>
    public Task<JsonNode> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    /// <summary><c>PUT /admin/accounts/{name}/volume</c>: the account's 30-day USD volume outside the sandbox.</summary>
    public Task<JsonNode> SetVolumeAsync(string account, string volumeUsd30d) =>
        SendAsync(HttpMethod.Put, $"/admin/accounts/{Uri.EscapeDataString(account)}/volume", new JsonObject { ["volumeUsd30d"] = volumeUsd30d });

    /// <summary>Any admin call, without asserting success; <paramref name="token"/> overrides the bearer token ("" sends none).</summary>
    public async Task<(int Status, string Body)> RawAsync(HttpMethod method, string path, JsonNode? body, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        token ??= _token;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private async Task<ApiKeyPair> CreateKeyAsync(JsonObject body)
    {
        var answer = await SendAsync(HttpMethod.Post, "/admin/keys", body);
        return new ApiKeyPair(answer["key"]!.GetValue<string>(), answer["secret"]!.GetValue<string>());
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        var (status, text) = await RawAsync(method, path, body);
        (status is >= 200 and < 300).ShouldBeTrue($"{method} {path} {body?.ToJsonString()} answered {status}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }
}

/// <summary>A key and its base64 secret as the admin API returned them. Not a record: ToString must not print the secret.</summary>
internal sealed class ApiKeyPair(string key, string secret)
{
    public string Key { get; } = key;

    public string Secret { get; } = secret;

    /// <summary>The same key with a different (valid base64) secret: every signature is wrong.</summary>
    public ApiKeyPair WithWrongSecret() => new(Key, Convert.ToBase64String(new byte[64]));

    public override string ToString() => $"ApiKeyPair({Key[..4]}…)";
}
