using Bulkhead.Fleet.Audit;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Audit;

/// <summary><c>[hosts.NAME]</c> with egress addresses: the manifest's references and the audit's failover checks.</summary>
public sealed class HostsAuditTests
{
    private const string TwoHosts = """

        [hosts.host-a]
        addresses = ["10.0.0.5"]

        [hosts.host-b]
        addresses = ["10.0.0.7", "2001:db8::7"]

        """;

    private static readonly FleetAuditor Auditor = new(new FakeTimeProvider(Manifests.Today));

    /// <summary>The small manifest on two hosts: the trader may run on A then B, the dashboard anywhere.</summary>
    private static string Fleet(string traderHosts = "[\"host-a\", \"host-b\"]", string traderAllowlist = "[\"10.0.0.5/32\", \"10.0.0.7/32\", \"2001:db8::/64\"]", string dashboardAllowlist = "[\"10.0.0.0/24\", \"2001:db8::/64\"]") =>
        Manifests.Small
            .Replace("hosts = [\"10.0.0.5\"]", $"hosts = {traderHosts}", StringComparison.Ordinal)
            .Replace("ip_allowlist = [\"10.0.0.5/32\"]", $"ip_allowlist = {traderAllowlist}", StringComparison.Ordinal)
            .Replace("ip_allowlist = [\"10.0.0.6\"]", $"ip_allowlist = {dashboardAllowlist}", StringComparison.Ordinal) + TwoHosts;

    [Fact]
    public void TwoHosts_AllowedEverywhere_IsCleanAndReadInOrder()
    {
        var manifest = Manifests.Valid(Fleet());
        manifest.Hosts.Select(h => h.Name).ShouldBe(["host-a", "host-b"]);
        manifest.FindHost("host-b")!.Addresses.Select(a => a.ToString()).ShouldBe(["10.0.0.7", "2001:db8::7"]);
        manifest.HostsOf(manifest.FindProcess("mm-trader")!).Select(h => h.Name).ShouldBe(["host-a", "host-b"]);
        manifest.HostsOf(manifest.FindProcess("dashboard")!).Select(h => h.Name).ShouldBe(["host-a", "host-b"], "no hosts: any declared host");
        Auditor.Audit(manifest).ShouldBeEmpty();
    }

    [Fact]
    public void AllowlistWithoutTheStandbysAddress_IsAnError()
    {
        var text = Fleet(traderAllowlist: "[\"10.0.0.5/32\"]");
        var f = Auditor.Audit(Manifests.Valid(text)).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.AllowlistMissesHost);
        f.Severity.ShouldBe(FindingSeverity.Error);
        f.Message.ShouldBe("key \"mm-trader\" does not allow 10.0.0.7, 2001:db8::7 of host \"host-b\", where \"mm-trader\" may run: Kraken would refuse it there after a failover");
        f.Fix.ShouldContain("\"10.0.0.7/32\", \"2001:db8::7/128\"");
        f.Location.Line.ShouldBe(Manifests.LineOf(text, "ip_allowlist = [\"10.0.0.5/32\"]"));
    }

    [Fact]
    public void ProcessOnOneOfTwoHosts_IsAWarningNamingAStandby()
    {
        var f = Auditor.Audit(Manifests.Valid(Fleet(traderHosts: "[\"host-a\"]"))).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.SingleHostProcess);
        f.Severity.ShouldBe(FindingSeverity.Warning);
        f.Fix.ShouldContain("hosts = [\"host-a\", \"host-b\"]");
    }

    [Fact]
    public void UnknownHost_IsAManifestErrorWithASuggestion()
    {
        var problem = Manifests.Parse(Fleet(traderHosts: "[\"host-a\", \"host-c\"]")).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("process \"mm-trader\" may run on unknown host \"host-c\"");
        problem.Fix.ShouldContain("host-a");
    }

    [Theory]
    [InlineData("addresses = [\"10.0.0.0/24\"]", "\"10.0.0.0/24\" in hosts.host-x.addresses is not an IP address")]
    [InlineData("addresses = []", "hosts.host-x declares no addresses")]
    [InlineData("addresses = [\"10.0.0.9\"]\nport = 1", "port")]
    public void BadHostTable_IsAManifestError(string body, string message)
    {
        var problem = Manifests.Parse(Fleet() + $"\n[hosts.host-x]\n{body}\n").Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public void WithoutHostTables_HostsStayMachineNames() =>
        Manifests.Valid(Manifests.Small).HostsOf(Manifests.Valid(Manifests.Small).FindProcess("mm-trader")!).ShouldBeEmpty();
}
