using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox;
using Microsoft.AspNetCore.Builder;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// A real sandbox on 127.0.0.1 (ephemeral port, real clock: the CLI processes run on the real clock too) with one
/// master and one Spot subaccount <c>mm</c>, provisioned through the admin API over HTTP, and a fleet manifest in a temp
/// folder whose processes <c>p1…pN</c> each use their own key <c>k1…kN</c> on <c>mm</c> (secrets from environment variables).
/// </summary>
internal sealed class FleetSandbox : IAsyncDisposable
{
    private const string AdminToken = "fleet-admin-token-0123456789";
    private readonly WebApplication _app;
    private readonly HttpClient _admin;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    private FleetSandbox(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _admin = new HttpClient { BaseAddress = baseUrl };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        Directory.CreateDirectory(Folder);
    }

    public Uri BaseUrl { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bulkhead-fleet-" + Guid.NewGuid().ToString("N"));

    public string ManifestPath => Path.Combine(Folder, "fleet.toml");

    /// <summary>The API keys by manifest key name (k1…kN).</summary>
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The variables the CLI needs (K1_KEY, K1_SECRET, …).</summary>
    public IReadOnlyDictionary<string, string?> Environment => _environment;

    public static async Task<FleetSandbox> StartAsync(SpotTier tier, int keys, string coordination)
    {
        var options = new SandboxOptions { InMemory = true, AdminToken = AdminToken, Tier = tier };
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", TimeProvider.System);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var sandbox = new FleetSandbox(app, new Uri(app.BoundUrls()[0].TrimEnd('/')));
        await sandbox.PostAsync("/admin/accounts", new JsonObject { ["name"] = "desk" });
        await sandbox.PostAsync("/admin/accounts", new JsonObject { ["name"] = "mm", ["master"] = "desk" });
        for (var i = 1; i <= keys; i++)
        {
            var answer = await sandbox.PostAsync("/admin/keys", new JsonObject
            {
                ["account"] = "mm",
                ["permissions"] = new JsonArray("Query Funds"),
                ["nonceWindow"] = 0,
                ["ipAllowlist"] = new JsonArray(),
            });
            sandbox.ApiKeys["k" + i] = answer["key"]!.GetValue<string>();
            sandbox._environment[$"K{i}_KEY"] = answer["key"]!.GetValue<string>();
            sandbox._environment[$"K{i}_SECRET"] = answer["secret"]!.GetValue<string>();
        }

        await File.WriteAllTextAsync(sandbox.ManifestPath, sandbox.Manifest(keys, coordination), TestContext.Current.CancellationToken);
        return sandbox;
    }

    /// <summary>The same variables, with the lease's host name overridden (a process "on another host").</summary>
    public Dictionary<string, string?> EnvironmentOnHost(string host) => new(_environment) { ["BULKHEAD_HOST"] = host };

    /// <summary><c>GET /admin/keys/{key}/stats</c> of manifest key <paramref name="keyName"/>.</summary>
    public async Task<JsonNode> StatsAsync(string keyName)
    {
        using var response = await _admin.GetAsync(new Uri($"/admin/keys/{Uri.EscapeDataString(ApiKeys[keyName])}/stats", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!;
    }

    public static long Failures(JsonNode stats, string kind) =>
        stats["failuresByKind"]?[kind]?.GetValue<long>() ?? 0;

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task<JsonNode> PostAsync(string path, JsonObject body)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private string Manifest(int keys, string coordination)
    {
        var toml = new StringBuilder();
        toml.Append(CultureInfo.InvariantCulture, $"""
            [fleet]
            name = "lease-tests"
            coordination = '{coordination}'
            secrets = "secrets.enc"
            default_environment = "sandbox"

            [environments.sandbox]
            kind = "sandbox"
            spot_url = "{BaseUrl}"
            futures_url = "{BaseUrl}"
            admin_url = "{BaseUrl}"

            [master]
            name = "desk"

            [subaccounts.mm]
            venue = "spot"
            mandate = "lease and budget tests"

            """);
        for (var i = 1; i <= keys; i++)
        {
            toml.Append(CultureInfo.InvariantCulture, $"""

                [processes.p{i}]
                role = "dashboard"
                account = "mm"
                key = "k{i}"

                [keys.k{i}]
                account = "mm"
                venue = "spot"
                permissions = ["Query Funds"]
                ip_allowlist = ["127.0.0.1/32"]
                secret = "env:K{i}"

                """);
        }

        return toml.ToString();
    }
}
