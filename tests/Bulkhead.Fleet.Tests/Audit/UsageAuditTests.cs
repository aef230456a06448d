using Bulkhead.Fleet.Audit;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Audit;

public sealed class UsageAuditTests
{
    private static readonly FleetAuditor Auditor = new(new FakeTimeProvider(Manifests.Today));

    private static CallRecord Call(string endpoint, string key, string process, string host = "10.0.0.5") =>
        new(Manifests.Today.AddHours(-1), "spot", endpoint, key, process, host, "ok");

    private static readonly CallRecord[] Normal =
    [
        Call("Balance", "mm-trader", "mm-trader"),
        Call("POST /0/private/OpenOrders", "mm-trader", "mm-trader"),
        Call("TradesHistory", "mm-trader", "mm-trader"),
        Call("AddOrder", "mm-trader", "mm-trader"),
        Call("CancelOrder", "mm-trader", "mm-trader"),
        Call("GetWebSocketsToken", "mm-trader", "mm-trader"), // the trader streams (the default transport)
        new(Manifests.Today.AddHours(-1), "spot-ws", "connect", "mm-trader", "mm-trader", "10.0.0.5", "ok"), // its socket session
        Call("Balance", "dashboard", "dashboard", "anywhere"),
        Call("OpenOrders", "dashboard", "dashboard", "anywhere"),
    ];

    private static List<Finding> AuditOf(params CallRecord[] usage) =>
        [.. Auditor.Audit(Manifests.Valid(Manifests.Small), new AuditOptions { Usage = usage })];

    [Fact]
    public void EveryPermissionUsed_IsClean() => AuditOf(Normal).ShouldBeEmpty();

    [Fact]
    public void PermissionNeverUsed_IsExcessPrivilege()
    {
        var f = AuditOf([.. Normal.Where(c => c.Endpoint != "TradesHistory")]).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.UnusedPermission);
        f.Message.ShouldStartWith("key \"mm-trader\" holds \"Query Closed Orders & Trades\" but never used it over ");
    }

    [Fact]
    public void KeyNeverUsed_IsIdle() =>
        AuditOf([.. Normal.Where(c => c.Key != "dashboard")]).ShouldHaveSingleItem().Code.ShouldBe(FindingCodes.KeyIdle);

    [Fact]
    public void KeyFromAnotherHost_IsUnexpectedHost()
    {
        var f = AuditOf([.. Normal, Call("Balance", "mm-trader", "mm-trader", "10.9.9.9")]).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.UnexpectedHost);
        f.Message.ShouldContain("\"10.9.9.9\"");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void LoopbackHostsEntry_StandsForTheMachineTheAuditRunsOn(string loopback)
    {
        var manifest = Manifests.Valid(Manifests.Small.Replace("hosts = [\"10.0.0.5\"]", $"hosts = [\"{loopback}\"]", StringComparison.Ordinal));
        CallRecord[] here = [.. Normal.Select(c => c.Key == "mm-trader" ? c with { Host = "vm-7" } : c)];

        Auditor.Audit(manifest, new AuditOptions { Usage = here, LocalHost = "vm-7" }).ShouldBeEmpty();
        var f = Auditor.Audit(manifest, new AuditOptions { Usage = [.. here, Call("Balance", "mm-trader", "mm-trader", "vm-8")], LocalHost = "vm-7" }).ShouldHaveSingleItem();
        f.Code.ShouldBe(FindingCodes.UnexpectedHost);
        f.Message.ShouldContain("\"vm-8\"");
    }

    [Fact]
    public void KeyFromAnotherProcess_IsUnexpectedProcess() =>
        AuditOf([.. Normal, Call("Balance", "mm-trader", "intruder")]).ShouldHaveSingleItem().Code.ShouldBe(FindingCodes.UnexpectedProcess);

    [Fact]
    public void UndeclaredKey_IsReported() =>
        AuditOf([.. Normal, Call("Balance", "ghost", "ghost")]).ShouldHaveSingleItem().Code.ShouldBe(FindingCodes.UnknownKeyInJournal);

    [Fact]
    public void Journal_ReadsJsonLinesAndSkipsTornLines()
    {
        var dir = Directory.CreateTempSubdirectory("bulkhead-journal-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, "calls-2026-11-26.mm-trader.42.jsonl"),
            [
                """{"time":"2026-11-26T11:00:00+00:00","venue":"spot","endpoint":"AddOrder","key":"mm-trader","process":"mm-trader","host":"10.0.0.5","pid":42,"outcome":"ok","durationMs":3.5}""",
                """{"time":"2026-11-26T11:00:01+00:00","venue":"spot","endpoint":"Balance","key":null,"process":"x","host":"h","outcome":"ok"}""",
                """{"time":"2026-11-26T11:00:02+00:00","venue":"sp""",
            ]);

            var (records, problems) = CallJournal.Read(dir);

            records.ShouldHaveSingleItem().ShouldBe(new CallRecord(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero), "spot", "AddOrder", "mm-trader", "mm-trader", "10.0.0.5", "ok"));
            var torn = problems.ShouldHaveSingleItem();
            torn.Severity.ShouldBe(FindingSeverity.Info);
            torn.Location.Line.ShouldBe(3);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FuturesReadOnlyCallsOnAFullKey_FlagFull()
    {
        var text = Manifests.Small + "\n[subaccounts.hedge]\nvenue = \"futures\"\n\n[strategies.hedge]\naccount = \"hedge\"\nkind = \"futures-directional\"\n" +
            "\n[processes.hedge-trader]\nrole = \"trader\"\nstrategy = \"hedge\"\nkey = \"hedge-trader\"\n" +
            "\n[keys.hedge-trader]\naccount = \"hedge\"\npermissions = [\"full\"]\nip_allowlist = [\"10.0.0.8/32\"]\ncreated = 2026-11-01\nsecret = \"store:hedge-trader\"\n";
        var usage = Normal.Append(new CallRecord(Manifests.Today, "futures", "GET openpositions", "hedge-trader", "hedge-trader", "h", "ok")).ToArray();

        var f = Auditor.Audit(Manifests.Valid(text), new AuditOptions { Usage = usage }).ShouldHaveSingleItem();

        f.Code.ShouldBe(FindingCodes.UnusedPermission);
        f.Message.ShouldContain("full (only read-only endpoints were called)");
    }
}
