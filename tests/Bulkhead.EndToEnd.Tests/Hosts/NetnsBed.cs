using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Hosts;

/// <summary>
/// A multi-host test bed of Linux network namespaces: a bridge in the root namespace with the bed's gateway address
/// (10.213.N.1/24, N chosen free), and one namespace per host joined to it by a veth pair, each with its own address
/// (10.213.N.11, .12, …) and no route anywhere else — so nothing a host runs can reach any address but the bed's. Links
/// are cut and healed with nftables drop rules inside a host's namespace. Everything is removed on dispose (the
/// namespaces take their veths and rules with them), also after a failed test. Needs root, <c>ip</c> and <c>nft</c>:
/// without them the test is skipped, and under <c>CI=true</c> it fails.
/// </summary>
internal sealed class NetnsBed : IDisposable
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(20);
    private readonly List<string> _namespaces = [];
    private readonly string _bridge;
    private bool _disposed;

    private NetnsBed(string suffix, int subnet)
    {
        Suffix = suffix;
        _bridge = "bhb" + suffix;
        Gateway = $"10.213.{subnet}.1";
        Subnet = subnet;
    }

    /// <summary>A short random tag in every name the bed creates.</summary>
    public string Suffix { get; }

    /// <summary>The root namespace's address on the bridge (where PostgreSQL's relay and the sandbox listen).</summary>
    public string Gateway { get; }

    private int Subnet { get; }

    /// <summary>Host name → its namespace and address.</summary>
    public Dictionary<string, (string Namespace, string Address)> Hosts { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates the bridge and one namespace per host name; removes what it made when any step fails.</summary>
    public static NetnsBed Create(params string[] hosts)
    {
        RequireTools();
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant();
        var used = Run("ip", "-4", "-o", "addr", "show");
        var subnet = Enumerable.Range(0, 40).Select(_ => RandomNumberGenerator.GetInt32(10, 250)).First(n => !used.Contains($"10.213.{n}.", StringComparison.Ordinal));
        var bed = new NetnsBed(suffix, subnet);
        try
        {
            Run("ip", "link", "add", bed._bridge, "type", "bridge");
            Run("ip", "addr", "add", bed.Gateway + "/24", "dev", bed._bridge);
            Run("ip", "link", "set", bed._bridge, "up");
            for (var i = 0; i < hosts.Length; i++)
            {
                var ns = $"bh-{suffix}-{hosts[i]}";
                var outer = $"bh{suffix}{i}o";
                var inner = $"bh{suffix}{i}i";
                var address = $"10.213.{subnet}.{11 + i}";
                Run("ip", "netns", "add", ns);
                bed._namespaces.Add(ns);
                Run("ip", "link", "add", outer, "type", "veth", "peer", "name", inner);
                Run("ip", "link", "set", inner, "netns", ns);
                Run("ip", "link", "set", outer, "master", bed._bridge);
                Run("ip", "link", "set", outer, "up");
                Run("ip", "-n", ns, "addr", "add", address + "/24", "dev", inner);
                Run("ip", "-n", ns, "link", "set", inner, "up");
                Run("ip", "-n", ns, "link", "set", "lo", "up");
                bed.Hosts[hosts[i]] = (ns, address);
            }

            return bed;
        }
        catch
        {
            bed.Dispose();
            throw;
        }
    }

    /// <summary>The command prefix that runs a program inside <paramref name="host"/>'s namespace.</summary>
    public (string FileName, string[] Prefix) In(string host) => ("ip", ["netns", "exec", Hosts[host].Namespace]);

    /// <summary>Drops every packet <paramref name="host"/> sends to the gateway's <paramref name="port"/> (TCP): a partition from that service only.</summary>
    public void Cut(string host, int port)
    {
        var ns = Hosts[host].Namespace;
        Run("ip", "netns", "exec", ns, "nft", "add", "table", "inet", "bhcut");
        Run("ip", "netns", "exec", ns, "nft", "add", "chain", "inet", "bhcut", "out", "{ type filter hook output priority 0 ; }");
        Run("ip", "netns", "exec", ns, "nft", "add", "rule", "inet", "bhcut", "out", "ip", "daddr", Gateway, "tcp", "dport", port.ToString(CultureInfo.InvariantCulture), "drop");
    }

    /// <summary>Removes every cut of <paramref name="host"/>.</summary>
    public void Heal(string host) => Run("ip", "netns", "exec", Hosts[host].Namespace, "nft", "delete", "table", "inet", "bhcut");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var ns in _namespaces)
        {
            TryRun("ip", "netns", "del", ns);
        }

        TryRun("ip", "link", "del", _bridge);
    }

    /// <summary>Skips (or under CI=true fails) unless this is root with <c>ip</c> and <c>nft</c> and namespaces work.</summary>
    private static void RequireTools()
    {
        string? problem = null;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            problem = "network namespaces need root on Linux";
        }
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            problem = "iproute2 (ip) is not installed; test.sh installs it";
        }
        else if (!File.Exists("/usr/sbin/nft") && !File.Exists("/sbin/nft") && !File.Exists("/usr/bin/nft"))
        {
            problem = "nftables (nft) is not installed; test.sh installs it";
        }

        if (problem is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI must run the multi-host test bed: {problem}");
        }

        Assert.Skip(problem);
    }

    private static void TryRun(params string[] command)
    {
        try
        {
            Run(command);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandDeadline))
        {
            process.Kill();
            throw new InvalidOperationException($"{string.Join(' ', command)} did not finish in {CommandDeadline.TotalSeconds:0} s");
        }

        return process.ExitCode == 0
            ? output.GetAwaiter().GetResult()
            : throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {error.GetAwaiter().GetResult()}");
    }
}
