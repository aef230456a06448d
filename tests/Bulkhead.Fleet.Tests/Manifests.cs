using Bulkhead.Fleet.Manifest;
using Shouldly;

namespace Bulkhead.Fleet.Tests;

/// <summary>Manifests for tests: the shipped example, and a small valid one to break one thing at a time.</summary>
internal static class Manifests
{
    /// <summary>The audit date the tests use (the example's keys are created 2026-11-01, expire 2027-05-01).</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml");

    public static string DocPath => Path.Combine(AppContext.BaseDirectory, "docs", "fleet.md");

    /// <summary>A small valid fleet: one spot subaccount, a trader and a dashboard. Line numbers below are relied on by tests.</summary>
    public const string Small = """
        [fleet]
        name = "small"
        default_environment = "sandbox"

        [environments.sandbox]
        kind = "sandbox"
        spot_url = "http://127.0.0.1:8787"
        futures_url = "http://127.0.0.1:8787"

        [environments.production]
        kind = "production"
        spot_url = "https://api.kraken.com"
        futures_url = "https://futures.kraken.com"

        [master]
        name = "desk"

        [subaccounts.mm]
        venue = "spot"
        separate_capital = true

        [strategies.mm]
        account = "mm"
        kind = "spot-market-maker"
        pairs = ["XBTUSD"]

        [processes.mm-trader]
        role = "trader"
        strategy = "mm"
        key = "mm-trader"
        hosts = ["10.0.0.5"]

        [processes.dashboard]
        role = "dashboard"
        account = "desk"
        key = "dashboard"

        [keys.mm-trader]
        account = "mm"
        permissions = "role"
        ip_allowlist = ["10.0.0.5/32"]
        created = 2026-11-01
        expires = 2027-05-01
        secret = "store:mm-trader"

        [keys.dashboard]
        account = "desk"
        permissions = ["Query Funds", "Query Open Orders & Trades"]
        ip_allowlist = ["10.0.0.6"]
        created = 2026-11-01
        expires = 2027-05-01
        secret = "env:DASHBOARD"

        """;

    public static ManifestLoadResult Parse(string text) => ManifestLoader.Parse(text, "fleet.toml");

    public static FleetManifest Valid(string text)
    {
        var result = Parse(text);
        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Problems));
        return result.Manifest!;
    }

    /// <summary>The small manifest with <paramref name="from"/> replaced (must occur).</summary>
    public static string SmallWith(string from, string to)
    {
        Small.ShouldContain(from);
        return Small.Replace(from, to, StringComparison.Ordinal);
    }

    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, fragment);
        return index + 1;
    }
}
