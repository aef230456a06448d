using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bulkhead.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// A sandbox on real Kestrel at 127.0.0.1 whose log goes to a <see cref="FakeLoggerProvider"/>, plus a temp folder holding
/// examples/fleet.toml pointed at it (coordination, secrets, key file and journal all in that folder).
/// </summary>
internal sealed class ProvisionedFleet : IAsyncDisposable
{
    public const string AdminToken = "fleet-admin-token-0123456789";

    private ProvisionedFleet(WebApplication app, FakeLoggerProvider logs, string folder, string url)
    {
        App = app;
        Logs = logs;
        Folder = folder;
        Url = url;
    }

    public WebApplication App { get; }

    public FakeLoggerProvider Logs { get; }

    public string Folder { get; }

    public string Url { get; }

    public string Manifest => Path.Combine(Folder, "fleet.toml");

    public string SecretsFile => Path.Combine(Folder, "secrets.enc");

    public string Journal => Path.Combine(Folder, "journal");

    /// <param name="market">Run the simulated market (its maker quotes every book at start, so marketable orders fill).</param>
    public static async Task<ProvisionedFleet> StartAsync(bool market = false)
    {
        var logs = new FakeLoggerProvider();
        var app = SandboxHost.Build(
            new SandboxOptions { InMemory = true, AdminToken = AdminToken, Market = new Bulkhead.Sandbox.Market.MarketOptions { Enabled = market, TickInterval = TimeSpan.FromHours(1) } },
            "http://127.0.0.1:0",
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)),
            logging: b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await app.StartAsync();
        var url = app.BoundUrls()[0].TrimEnd('/');
        var folder = Path.Combine(Path.GetTempPath(), "bulkhead-fleet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var example = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "examples", "fleet.toml"));
        await File.WriteAllTextAsync(Path.Combine(folder, "fleet.toml"), example.Replace("http://127.0.0.1:8787", url, StringComparison.Ordinal));
        return new ProvisionedFleet(app, logs, folder, url);
    }

    /// <summary>The variables every fleet command gets: the admin token, an isolated home, the journal folder.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var variables = new Dictionary<string, string?>
        {
            ["BULKHEAD_ADMIN_TOKEN"] = AdminToken,
            ["BULKHEAD_HOME"] = Path.Combine(Folder, "home"),
            ["BULKHEAD_JOURNAL"] = Journal,
            ["BULKHEAD_SECRETS_KEY"] = null,
        };
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        return variables;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Logs.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bulkhead.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no Bulkhead.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>Decrypts the secrets file independently of Bulkhead's code, following docs/fleet-secrets.md.</summary>
    public static List<string> ReadSecrets(string path, byte[] key)
    {
        var file = File.ReadAllBytes(path);
        Encoding.ASCII.GetString(file, 0, 8).ShouldBe("BHSECRET");
        file[8].ShouldBe((byte)1);
        var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(32, 4));
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(file.AsSpan(20, 12), file.AsSpan(36, length), file.AsSpan(36 + length, 16), plaintext, file.AsSpan(0, 36));
        using var json = JsonDocument.Parse(plaintext);
        return [.. json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("secret").GetString()!)];
    }
}
