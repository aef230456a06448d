using System.Text.Json.Nodes;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Provisioning;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Runtime.Worker;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>
/// A real sandbox on 127.0.0.1 (ephemeral port, real clock, the simulated market on so prices move and user orders fill)
/// and examples/fleet.toml in a temp folder pointed at it, provisioned in-process with <see cref="SandboxProvisioner"/>
/// over HTTP (accounts, keys, funding; secrets in the folder's secrets.enc, its key file beside it). The same pattern as
/// tests/Bulkhead.Cli.Tests/Fleet/ProvisionedFleet.cs, with the market running and the worker's options at hand.
/// </summary>
internal sealed class RuntimeFleet : IAsyncDisposable
{
    public const string AdminToken = "runtime-admin-token-0123456789";

    private RuntimeFleet(WebApplication app, string folder, string url)
    {
        App = app;
        Folder = folder;
        Url = url;
    }

    public WebApplication App { get; }

    public SandboxExchange Exchange => App.GetExchange();

    public string Folder { get; }

    public string Url { get; }

    public string ManifestPath => Path.Combine(Folder, "fleet.toml");

    public FleetManifest Manifest => ManifestLoader.Load(ManifestPath).GetValueOrThrow();

    /// <summary>The variables a worker gets (admin token, an isolated home, the call journal folder).</summary>
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts the sandbox and provisions the example fleet, after <paramref name="edit"/> changed its text.</summary>
    public static async Task<RuntimeFleet> StartAsync(Func<string, string>? edit = null, bool market = true)
    {
        var options = new SandboxOptions { InMemory = true, AdminToken = AdminToken, Market = new MarketOptions { Enabled = market } };
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", TimeProvider.System);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = app.BoundUrls()[0].TrimEnd('/');
        var folder = Path.Combine(Path.GetTempPath(), "bulkhead-runtime-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fleet = new RuntimeFleet(app, folder, url);
        fleet.Variables["BULKHEAD_ADMIN_TOKEN"] = AdminToken;
        fleet.Variables["BULKHEAD_HOME"] = Path.Combine(folder, "home");
        fleet.Variables["BULKHEAD_JOURNAL"] = Path.Combine(folder, "calls");
        fleet.Variables["BULKHEAD_SECRETS_KEY"] = null;
        var example = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml"), TestContext.Current.CancellationToken);
        var text = example.Replace("http://127.0.0.1:8787", url, StringComparison.Ordinal);
        await File.WriteAllTextAsync(fleet.ManifestPath, edit is null ? text : edit(text), TestContext.Current.CancellationToken);
        await fleet.ProvisionAsync();
        return fleet;
    }

    /// <summary>Rewrites the manifest (after provisioning: e.g. to point a key at a wrong secret).</summary>
    public async Task EditManifestAsync(Func<string, string> edit)
    {
        var text = await File.ReadAllTextAsync(ManifestPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(ManifestPath, edit(text), TestContext.Current.CancellationToken);
    }

    public string? GetVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Worker options for <paramref name="process"/>, writing its status lines to <paramref name="output"/>.</summary>
    public WorkerOptions Worker(string process, TextWriter output, TextWriter? error = null) => new()
    {
        ManifestPath = ManifestPath,
        ProcessName = process,
        Time = TimeProvider.System,
        GetVariable = GetVariable,
        Out = output,
        Error = error ?? TextWriter.Null,
    };

    /// <summary>Opens the fleet's fill journal (for assertions).</summary>
    public IFillJournal OpenJournal()
    {
        var manifest = Manifest;
        return FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, TimeProvider.System);
    }

    /// <summary>The API key of the manifest's key <paramref name="keyName"/>, from the secrets file.</summary>
    public string ApiKey(string keyName)
    {
        var manifest = Manifest;
        var key = manifest.FindKey(keyName)!;
        return SecretResolver.ForManifest(manifest, GetVariable).Resolve(key.Secret).ApiKey;
    }

    /// <summary><c>GET /admin/keys/{key}/stats</c> of the manifest key <paramref name="keyName"/>.</summary>
    public async Task<JsonNode> KeyStatsAsync(string keyName)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        var text = await http.GetStringAsync(new Uri($"/admin/keys/{Uri.EscapeDataString(ApiKey(keyName))}/stats", UriKind.Relative), TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file for a moment; the temp folder is cleaned by the OS
        }
    }

    private async Task ProvisionAsync()
    {
        var manifest = Manifest;
        var environment = manifest.FindEnvironment("sandbox")!;
        var secretsPath = SecretResolver.SecretsPath(manifest);
        var key = SecretsKey.Resolve(GetVariable, SecretsKey.DefaultKeyFile(secretsPath), createKeyFile: true, out _);
        using var secrets = await SecretsFile.OpenForUpdateAsync(secretsPath, key, TimeProvider.System, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var provisioner = new SandboxProvisioner(manifest, environment, new SandboxAdminClient(http, environment.AdminUrl!, AdminToken), secrets, TimeProvider.System);
        await provisioner.RunAsync(TestContext.Current.CancellationToken);
    }
}
