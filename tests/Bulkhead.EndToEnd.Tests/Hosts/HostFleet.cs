using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.EndToEnd.Tests.Fleet;
using Npgsql;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Hosts;

/// <summary>
/// A fleet on the <see cref="NetnsBed"/>: hosts <c>a</c> (preferred) and <c>b</c>, each in its own namespace with its
/// own address; the real sandbox (<c>bulkhead sandbox serve</c>, market on) and the test machine's PostgreSQL (through a
/// <see cref="TcpRelay"/>) on the bridge's gateway address; one trader whose key allows exactly the two hosts'
/// addresses, coordination and fill journal in a fresh PostgreSQL schema. Supervisors are <c>bulkhead run --host</c>
/// started inside a host's namespace. The sandbox's per-key call log (with source addresses) is the evidence.
/// </summary>
internal sealed class HostFleet : IAsyncDisposable
{
    public const string AdminToken = "hosts-bed-admin-token-0123456789";
    public const string Trader = "mm-trader";
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(6);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly List<CliChild> _children = [];
    private readonly string _schema;
    private readonly string _postgres;
    private string? _traderKey;

    private HostFleet(NetnsBed bed, TcpRelay relay, CliChild sandbox, Uri url, string folder, string postgres, string schema)
    {
        Bed = bed;
        Relay = relay;
        Sandbox = sandbox;
        Url = url;
        Folder = folder;
        _postgres = postgres;
        _schema = schema;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public NetnsBed Bed { get; }

    public TcpRelay Relay { get; }

    public CliChild Sandbox { get; }

    public Uri Url { get; }

    public string Folder { get; }

    public string Manifest => Path.Combine(Folder, "fleet.toml");

    public static async Task<HostFleet> StartAsync(TimeSpan handBackAfter)
    {
        var postgres = PostgresConnection();
        var bed = NetnsBed.Create("a", "b");
        TcpRelay? relay = null;
        CliChild? sandbox = null;
        var folder = Directory.CreateTempSubdirectory("bulkhead-hosts-").FullName;
        try
        {
            relay = new TcpRelay(bed.Gateway, new IPEndPoint(IPAddress.Loopback, new NpgsqlConnectionStringBuilder(postgres).Port));
            sandbox = CliChild.Start(new Dictionary<string, string?> { ["BULKHEAD_HOME"] = Path.Combine(folder, "sandbox-home") },
                "sandbox", "serve", "--host", bed.Gateway, "--port", "0", "--in-memory", "--admin-token", AdminToken);
            await Polling.UntilAsync(() => sandbox.Out.Contains("listening on", StringComparison.Ordinal) || sandbox.HasExited, TimeSpan.FromSeconds(60), "the sandbox to listen");
            sandbox.HasExited.ShouldBeFalse(sandbox.Error);
            var listening = sandbox.Out.Split('\n').First(l => l.Contains("listening on", StringComparison.Ordinal));
            var url = new Uri(listening[(listening.IndexOf("http", StringComparison.Ordinal))..].Trim());
            var schema = "hosts_" + Guid.NewGuid().ToString("N")[..16];
            var fleet = new HostFleet(bed, relay, sandbox, url, folder, postgres, schema) { HandBackAfter = handBackAfter };
            await File.WriteAllTextAsync(fleet.Manifest, fleet.ManifestText(), TestContext.Current.CancellationToken);
            var provision = await CliProcess.RunAsync(fleet.Variables(null), "sandbox", "provision", fleet.Manifest);
            provision.ExitCode.ShouldBe(0, provision.Out + provision.Error);
            return fleet;
        }
        catch
        {
            sandbox?.Dispose();
            if (relay is not null)
            {
                await relay.DisposeAsync();
            }

            bed.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public TimeSpan HandBackAfter { get; private init; }

    /// <summary>Starts <c>bulkhead run fleet.toml --host HOST</c> inside the host's namespace.</summary>
    public CliChild StartSupervisor(string host)
    {
        var (file, prefix) = Bed.In(host);
        var child = CliChild.StartWrapped([file, .. prefix], Variables(host),
            "run", Manifest, "--host", host,
            "--lease-time", LeaseTime.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--hand-back-after", HandBackAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        _children.Add(child);
        return child;
    }

    /// <summary>SIGKILL to every process in the host's namespace (its supervisor and workers): the host dies.</summary>
    public void KillHost(string host)
    {
        var pids = Run("ip", "netns", "pids", Bed.Hosts[host].Namespace).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var pid in pids)
        {
            Run("kill", "-KILL", pid.Trim());
        }
    }

    /// <summary>The trader key's calls as the sandbox logged them, oldest first.</summary>
    public async Task<List<BedCall>> CallsAsync()
    {
        _traderKey ??= (await _http.GetFromJsonAsync<JsonArray>(new Uri(Url, "/admin/keys?account=mm"), TestContext.Current.CancellationToken))!
            .Select(k => k!["key"]!.GetValue<string>()).Single();
        var calls = await _http.GetFromJsonAsync<JsonArray>(new Uri(Url, $"/admin/keys/{Uri.EscapeDataString(_traderKey)}/calls"), TestContext.Current.CancellationToken);
        return [.. calls!.Select(c => new BedCall(
            DateTimeOffset.Parse(c!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            HostOf(c["address"]?.GetValue<string>()),
            c["path"]!.GetValue<string>(),
            c["outcome"]!.GetValue<string>()))];
    }

    /// <summary>The process leases' owner of the trader, read straight from PostgreSQL.</summary>
    public async Task<string?> OwnerAsync()
    {
        await using var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT host FROM \"{_schema}\".process_leases WHERE process_name = @p";
        command.Parameters.AddWithValue("p", Trader);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            child.Dispose();
        }

        Sandbox.Dispose();
        await Relay.DisposeAsync();
        Bed.Dispose();
        _http.Dispose();
        try
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The schema is left behind; it is named for this run only.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment.
        }
    }

    /// <summary>Counts runs of consecutive calls from one host: N ownership epochs give N runs if no two hosts ever interleave.</summary>
    public static List<(string Host, DateTimeOffset First, DateTimeOffset Last, int Calls)> Runs(IEnumerable<BedCall> calls)
    {
        var runs = new List<(string Host, DateTimeOffset First, DateTimeOffset Last, int Calls)>();
        foreach (var call in calls)
        {
            if (runs.Count > 0 && runs[^1].Host == call.Host)
            {
                runs[^1] = (call.Host, runs[^1].First, call.At, runs[^1].Calls + 1);
            }
            else
            {
                runs.Add((call.Host, call.At, call.At, 1));
            }
        }

        return runs;
    }

    private static string PostgresConnection()
    {
        var value = Environment.GetEnvironmentVariable("BULKHEAD_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("BULKHEAD_TEST_POSTGRES is not set: CI must run the multi-host test bed");
        }

        Assert.Skip("BULKHEAD_TEST_POSTGRES is not set; run ./test.sh");
        return null!;
    }

    private string HostOf(string? address) =>
        Bed.Hosts.FirstOrDefault(h => h.Value.Address == address).Key ?? address ?? "unknown";

    private Dictionary<string, string?> Variables(string? host)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["BULKHEAD_ADMIN_TOKEN"] = AdminToken,
            ["BULKHEAD_HOME"] = Path.Combine(Folder, "home"),
            ["BULKHEAD_SECRETS_KEY"] = null,
            ["BULKHEAD_JOURNAL"] = Path.Combine(Folder, "calls-" + (host ?? "root")),
        };
        return variables;
    }

    /// <summary>The bed's store as the hosts reach it: through the relay on the gateway, short timeouts, and a server-side limit on a transaction left open by a partitioned client.</summary>
    private string StoreConnection()
    {
        var builder = new NpgsqlConnectionStringBuilder(_postgres)
        {
            Host = Bed.Gateway,
            Port = Relay.Port,
            SearchPath = _schema,
            Timeout = 3,
            CommandTimeout = 3,
            Options = "-c idle_in_transaction_session_timeout=3000",
        };
        return builder.ConnectionString;
    }

    private string ManifestText()
    {
        var a = Bed.Hosts["a"].Address;
        var b = Bed.Hosts["b"].Address;
        var store = StoreConnection().Replace("\"", "\\\"", StringComparison.Ordinal);
        return $$"""
            [fleet]
            name = "bed"
            coordination = "postgres:{{store}}"
            journal = "postgres:{{store}}"
            secrets = "secrets.enc"
            default_environment = "sandbox"

            [environments.sandbox]
            kind = "sandbox"
            spot_url = "{{Url.ToString().TrimEnd('/')}}"
            futures_url = "{{Url.ToString().TrimEnd('/')}}"
            admin_url = "{{Url.ToString().TrimEnd('/')}}"
            admin_token = "env:BULKHEAD_ADMIN_TOKEN"

            [hosts.a]
            addresses = ["{{a}}"]

            [hosts.b]
            addresses = ["{{b}}"]

            [master]
            name = "desk"
            funding = { ZUSD = "100000" }

            [subaccounts.mm]
            venue = "spot"
            mandate = "Market making XBT/USD"
            funding = { ZUSD = "50000", XXBT = "0.5" }

            [strategies.mm]
            account = "mm"
            kind = "spot-market-maker"
            pairs = ["XBTUSD"]
            params = { spread_bps = "6", order_size = "0.01" }

            [processes.mm-trader]
            role = "trader"
            strategy = "mm"
            key = "mm-trader"
            hosts = ["a", "b"]
            # The bed follows every signed call in the sandbox's per-key REST call log (with its source address): the
            # trader works on REST here, so each of its orders is a signed AddOrder there.
            transport = "rest"

            [keys.mm-trader]
            account = "mm"
            venue = "spot"
            permissions = "role"
            ip_allowlist = ["{{a}}/32", "{{b}}/32"]
            created = 2026-11-01
            secret = "store:mm-trader"
            """;
    }

    private static string Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(TimeSpan.FromSeconds(20));
        return output;
    }
}

/// <summary>One call the sandbox logged for the trader's key: when, from which bed host, what, and its outcome.</summary>
internal sealed record BedCall(DateTimeOffset At, string Host, string Path, string Outcome);
