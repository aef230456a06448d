using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Audit;

public sealed class FleetAuditorTests
{
    private static readonly FleetAuditor Auditor = new(new FakeTimeProvider(Manifests.Today));

    private static List<Finding> AuditOf(string text, AuditOptions? options = null) => [.. Auditor.Audit(Manifests.Valid(text), options)];

    private static Finding Only(string text, string code)
    {
        var findings = AuditOf(text);
        findings.Select(f => f.Code).ShouldBe([code], string.Join(Environment.NewLine, findings));
        return findings[0];
    }

    [Fact]
    public void Example_IsClean() =>
        Auditor.Audit(ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow()).ShouldBeEmpty();

    [Fact]
    public void Example_IsCleanAgainstTheSandbox() =>
        Auditor.Audit(ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow(), new AuditOptions { Environment = "sandbox" }).ShouldBeEmpty();

    [Fact]
    public void Small_IsClean() => AuditOf(Manifests.Small).ShouldBeEmpty();

    [Fact]
    public void KeyUsedByTwoProcesses_IsKeyShared()
    {
        var text = Manifests.Small + "\n[processes.mm-twin]\nrole = \"trader\"\nstrategy = \"mm\"\nkey = \"mm-trader\"\n";
        var f = Only(text, FindingCodes.KeyShared);
        f.Severity.ShouldBe(FindingSeverity.Error);
        f.Message.ShouldContain("mm-trader, mm-twin");
        f.Location.Line.ShouldBe(Manifests.LineOf(text, "[keys.mm-trader]"));
    }

    [Fact]
    public void PermissionBeyondRole_IsExcess()
    {
        var text = Manifests.SmallWith("\"Query Open Orders & Trades\"]", "\"Query Open Orders & Trades\", \"Modify Orders\"]");
        var f = Only(text, FindingCodes.ExcessPermissions);
        f.Message.ShouldBe("key \"dashboard\" holds \"Modify Orders\" beyond what its role (dashboard) needs");
        f.Location.Line.ShouldBe(Manifests.LineOf(text, "\"Modify Orders\"]"));
    }

    [Fact]
    public void PermissionBelowRole_IsMissing() =>
        Only(Manifests.SmallWith("\"Query Funds\", \"Query Open Orders & Trades\"]", "\"Query Funds\"]"), FindingCodes.MissingPermissions)
            .Severity.ShouldBe(FindingSeverity.Warning);

    [Fact]
    public void WithdrawOnDashboard_IsWithdrawalOutsideTreasury()
    {
        var findings = AuditOf(Manifests.SmallWith("\"Query Open Orders & Trades\"]", "\"Query Open Orders & Trades\", \"Withdraw Funds\"]"));
        findings.Select(f => f.Code).ShouldBe([FindingCodes.ExcessPermissions, FindingCodes.WithdrawalOutsideTreasury], ignoreOrder: true);
    }

    [Fact]
    public void TreasuryOnSubaccount_IsFlaggedTwice()
    {
        var text = Manifests.Small + "\n[processes.treasury]\nrole = \"treasury\"\naccount = \"mm\"\nkey = \"mm-treasury\"\n" +
            "\n[keys.mm-treasury]\naccount = \"mm\"\npermissions = \"role\"\nip_allowlist = [\"10.0.0.7/32\"]\ncreated = 2026-11-01\nsecret = \"store:mm-treasury\"\n";
        var findings = AuditOf(text);
        findings.Select(f => f.Code).ShouldBe([FindingCodes.TreasuryNotOnMaster, FindingCodes.WithdrawalOutsideTreasury], ignoreOrder: true);
        findings.Single(f => f.Code == FindingCodes.WithdrawalOutsideTreasury).Message.ShouldContain("subaccounts cannot withdraw");
    }

    [Fact]
    public void NoIpAllowlist_IsFlaggedForProductionOnly()
    {
        var text = Manifests.SmallWith("ip_allowlist = [\"10.0.0.5/32\"]\n", "");
        Only(text, FindingCodes.NoIpAllowlist).Message.ShouldContain("production");
        AuditOf(text, new AuditOptions { Environment = "sandbox" }).ShouldBeEmpty();
        AuditOf(text.Replace("secret = \"store:mm-trader\"", "secret = \"store:mm-trader\"\nenvironments = [\"sandbox\"]", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void ExpiredKey_IsAnError()
    {
        var text = Manifests.SmallWith("expires = 2027-05-01\nsecret = \"store:mm-trader\"", "expires = 2026-11-20\nsecret = \"store:mm-trader\"");
        var f = Only(text, FindingCodes.KeyExpired);
        f.Severity.ShouldBe(FindingSeverity.Error);
        f.Location.Line.ShouldBe(Manifests.LineOf(text, "expires = 2026-11-20"));
    }

    [Fact]
    public void KeyExpiringSoon_IsAWarningAndExpiryDaysOverride()
    {
        var text = Manifests.SmallWith("expires = 2027-05-01\nsecret = \"store:mm-trader\"", "expires = 2026-12-20\nsecret = \"store:mm-trader\"");
        AuditOf(text).ShouldBeEmpty();
        AuditOf(text, new AuditOptions { ExpiryWarningDays = 30 }).Single().Code.ShouldBe(FindingCodes.KeyExpiring);
    }

    [Fact]
    public void OldKey_IsDueForRotation() =>
        Only(Manifests.SmallWith("created = 2026-11-01\nexpires = 2027-05-01\nsecret = \"store:mm-trader\"", "created = 2026-01-01\nexpires = 2027-05-01\nsecret = \"store:mm-trader\""), FindingCodes.KeyRotationDue)
            .Message.ShouldContain("329 days old");

    [Fact]
    public void KeyWithoutCreated_IsInfoOnly() =>
        Only(Manifests.SmallWith("created = 2026-11-01\nexpires = 2027-05-01\nsecret = \"store:mm-trader\"", "expires = 2027-05-01\nsecret = \"store:mm-trader\""), FindingCodes.KeyAgeUnknown)
            .Severity.ShouldBe(FindingSeverity.Info);

    [Fact]
    public void StrategyOnMaster_IsFlagged()
    {
        var text = Manifests.SmallWith("account = \"mm\"\nkind", "account = \"desk\"\nkind").Replace("account = \"mm\"\npermissions", "account = \"desk\"\npermissions", StringComparison.Ordinal);
        Only(text, FindingCodes.StrategyOnMaster).Location.Line.ShouldBe(Manifests.LineOf(text, "account = \"desk\"\nkind".Split('\n')[0]));
    }

    [Fact]
    public void TwoStrategiesOnASeparateCapitalSubaccount_AreFlagged()
    {
        var findings = AuditOf(Manifests.Small + "\n[strategies.mm2]\naccount = \"mm\"\nkind = \"spot-momentum\"\n");
        findings.Select(f => (f.Code, f.Subject)).ShouldBe([(FindingCodes.SharedSubaccount, "strategy mm"), (FindingCodes.SharedSubaccount, "strategy mm2")]);
        findings[0].Message.ShouldContain("separate_capital = true");
    }

    [Fact]
    public void TwoStrategiesOnASubaccountWithRisk_AreFlagged() =>
        AuditOf(Manifests.SmallWith("separate_capital = true", "risk = { max_drawdown_usd = \"100\" }") + "\n[strategies.mm2]\naccount = \"mm\"\nkind = \"spot-momentum\"\n")
            .Select(f => f.Code).ShouldBe([FindingCodes.SharedSubaccount, FindingCodes.SharedSubaccount]);

    [Fact]
    public void ProcessWithoutKey_IsFlagged() =>
        AuditOf(Manifests.SmallWith("key = \"dashboard\"\n", "")).Select(f => f.Code)
            .ShouldBe([FindingCodes.ProcessWithoutKey, FindingCodes.UnusedKey]);

    [Fact]
    public void TraderWithoutStrategy_IsFlagged() =>
        Only(Manifests.SmallWith("strategy = \"mm\"\n", ""), FindingCodes.TraderWithoutStrategy).Subject.ShouldBe("process mm-trader");

    [Fact]
    public void KeyNobodyUses_IsUnused() =>
        Only(Manifests.Small + "\n[keys.orphan]\naccount = \"desk\"\npermissions = [\"Query Funds\"]\nip_allowlist = [\"10.0.0.9\"]\ncreated = 2026-11-01\nsecret = \"store:orphan\"\n", FindingCodes.UnusedKey)
            .Severity.ShouldBe(FindingSeverity.Warning);
}
