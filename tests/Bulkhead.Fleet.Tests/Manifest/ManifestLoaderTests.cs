using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    [Fact]
    public void Load_Example_IsValidWithEveryPart()
    {
        var result = ManifestLoader.Load(Manifests.ExamplePath);

        result.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, result.Problems));
        var m = result.Manifest!;
        m.Master.Name.ShouldBe("desk");
        m.Subaccounts.Select(s => (s.Name, s.Venue)).ShouldBe([("mm", Venue.Spot), ("momo", Venue.Spot), ("hedge", Venue.Futures)]);
        m.Strategies.Select(s => s.Account).ShouldBe(["mm", "momo", "hedge"]);
        m.Processes.Count(p => p.Role == FleetRole.Trader).ShouldBe(3);
        m.Keys.Length.ShouldBe(m.Processes.Length);
        m.FindEnvironment("sandbox")!.SpotUrl.ShouldBe(new Uri("http://127.0.0.1:8787"));
        m.FindEnvironment("production")!.Kind.ShouldBe(EnvironmentKind.Production);
        m.FindSubaccount("mm")!.Risk!.MaxPosition.ShouldBe(0.5m);
        m.FindSubaccount("mm")!.Funding["XXBT"].ShouldBe(0.5m);
        m.FindStrategy("mm")!.Parameters["edge_bps"].ShouldBe("4");
        m.Master.VolumeUsd30d.ShouldBe(5_000_000m);
        m.FindKey("dashboard")!.SpotPermissions.ShouldBe(SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades);
        m.FindKey("mm-trader")!.FromRole.ShouldBeTrue();
        m.FindKey("mm-trader")!.Expires.ShouldBe(new DateOnly(2027, 5, 1));
        m.FindProcess("mm-trader")!.Account.ShouldBe("mm");
    }

    [Fact]
    public void Parse_KeepsLinesOfTablesAndKeys()
    {
        var m = Manifests.Valid(Manifests.Small);

        m.FindKey("mm-trader")!.Location.ShouldBe(new SourceLocation("fleet.toml", Manifests.LineOf(Manifests.Small, "[keys.mm-trader]"), 1));
        m.LocationOf("keys.dashboard.permissions", default).Line.ShouldBe(Manifests.LineOf(Manifests.Small, "permissions = [\"Query Funds\""));
        m.FindKey("dashboard")!.IpAllowlist.Single().ToString().ShouldBe("10.0.0.6/32");
        m.FindKey("dashboard")!.Venue.ShouldBe(Venue.Spot);
    }

    [Fact]
    public void Parse_InvalidToml_ReportsTomlynLocation()
    {
        var text = Manifests.SmallWith("name = \"small\"", "name = \"small");

        var result = Manifests.Parse(text);

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldNotBeEmpty();
        result.Problems[0].Location.Line.ShouldBe(Manifests.LineOf(text, "name = \"small"));
        result.Problems[0].Message.ShouldStartWith("invalid TOML:");
    }

    [Theory]
    [InlineData("separate_capital = true", "separate_capitol = true", "unknown key \"separate_capitol\" in [subaccounts.mm]", "did you mean \"separate_capital\"")]
    [InlineData("role = \"trader\"", "role = \"trade\"", "processes.mm-trader.role \"trade\" is not a known role", "did you mean \"trader\"")]
    [InlineData("pairs = [\"XBTUSD\"]", "pairs = \"XBTUSD\"", "strategies.mm.pairs must be a list of strings, not a string", "pairs = [\"XBTUSD\"]")]
    [InlineData("kind = \"spot-market-maker\"", "kind = 7", "strategies.mm.kind must be a string, not an integer", "kind = ")]
    [InlineData("account = \"mm\"\nkind", "account = \"mn\"\nkind", "strategy \"mm\" trades from unknown account \"mn\"", "did you mean \"mm\"")]
    [InlineData("strategy = \"mm\"", "strategy = \"nn\"", "process \"mm-trader\" serves unknown strategy \"nn\"", "strategies")]
    [InlineData("key = \"dashboard\"", "key = \"dashbaord\"", "process \"dashboard\" uses unknown key \"dashbaord\"", "did you mean \"dashboard\"")]
    [InlineData("default_environment = \"sandbox\"", "default_environment = \"sandbx\"", "default_environment \"sandbx\" is not a declared environment", "did you mean \"sandbox\"")]
    [InlineData("created = 2026-11-01\nexpires = 2027-05-01\nsecret = \"store:mm-trader\"", "created = \"1st of November\"\nexpires = 2027-05-01\nsecret = \"store:mm-trader\"", "keys.mm-trader.created is not a date", "2027-05-01")]
    [InlineData("ip_allowlist = [\"10.0.0.5/32\"]", "ip_allowlist = [\"10.0.0.5/33\"]", "\"10.0.0.5/33\" in keys.mm-trader.ip_allowlist is not an address or a network in CIDR notation", "CIDR")]
    [InlineData("\"Query Open Orders & Trades\"]", "\"Query Open Orders\"]", "\"Query Open Orders\" is not a Kraken spot permission", "did you mean \"Query Open Orders & Trades\"")]
    [InlineData("secret = \"env:DASHBOARD\"", "secret = \"hunter2-very-secret\"", "keys.dashboard.secret is not a secret reference", "store:NAME")]
    [InlineData("kind = \"production\"", "kind = \"prod\"", "environments.production.kind \"prod\" is not a known kind", "production")]
    [InlineData("spot_url = \"https://api.kraken.com\"", "spot_url = \"api.kraken.com\"", "environments.production.spot_url \"api.kraken.com\" is not an http(s) URL", "https://api.kraken.com")]
    public void Parse_OneProblem_ReportsItsLineWhatAndFix(string from, string to, string message, string fix)
    {
        var text = Manifests.SmallWith(from, to);

        var result = Manifests.Parse(text);

        result.IsValid.ShouldBeFalse();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe(message);
        problem.Fix.ShouldContain(fix);
        problem.Location.Line.ShouldBe(Manifests.LineOf(text, to.Split('\n')[0]));
        problem.ToString().ShouldStartWith($"fleet.toml:{problem.Location.Line}:{problem.Location.Column}: error: {message} — fix: ");
    }

    [Fact]
    public void Parse_SecretPastedInline_NeverEchoesIt()
    {
        var result = Manifests.Parse(Manifests.SmallWith("secret = \"env:DASHBOARD\"", "secret = \"hunter2-very-secret\""));

        string.Join("\n", result.Problems).ShouldNotContain("hunter2");
    }

    [Fact]
    public void Parse_MasterTier_SetsTheSharedBudgetsTier()
    {
        Manifests.Valid(Manifests.Small).Master.Tier.ShouldBe(Kraken.Limits.SpotTier.Intermediate);
        Manifests.Valid(Manifests.SmallWith("name = \"desk\"\n", "name = \"desk\"\ntier = \"pro\"\n")).Master.Tier.ShouldBe(Kraken.Limits.SpotTier.Pro);

        var problem = Manifests.Parse(Manifests.SmallWith("name = \"desk\"\n", "name = \"desk\"\ntier = \"gold\"\n")).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("master.tier \"gold\" is not a known tier");
    }

    [Fact]
    public void Parse_MissingRequired_ReportsTableLine()
    {
        var text = Manifests.SmallWith("secret = \"store:mm-trader\"\n", "");

        var problem = Manifests.Parse(text).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("[keys.mm-trader] is missing the required key \"secret\"");
        problem.Location.Line.ShouldBe(Manifests.LineOf(text, "[keys.mm-trader]"));
        problem.Fix.ShouldBe("add secret = \"store:mm-trader\"");
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneInFileOrder()
    {
        var text = Manifests.Small
            .Replace("separate_capital = true", "separate_capitol = true", StringComparison.Ordinal)
            .Replace("strategy = \"mm\"", "strategy = \"nn\"", StringComparison.Ordinal)
            .Replace("expires = 2027-05-01\nsecret = \"env:DASHBOARD\"", "expires = 2026-01-01\nsecret = \"env:DASHBOARD\"", StringComparison.Ordinal)
            .Replace("[\"10.0.0.6\"]", "[\"10.0.0.300\"]", StringComparison.Ordinal);

        var result = Manifests.Parse(text);

        result.Problems.Select(p => p.Location.Line).ShouldBe(
        [
            Manifests.LineOf(text, "separate_capitol"),
            Manifests.LineOf(text, "strategy = \"nn\""),
            Manifests.LineOf(text, "10.0.0.300"),
            Manifests.LineOf(text, "expires = 2026-01-01"),
        ]);
    }

    [Fact]
    public void Parse_KeyOnAnotherAccountThanItsProcess_IsRejected()
    {
        var text = Manifests.SmallWith("account = \"mm\"\npermissions = \"role\"", "account = \"desk\"\npermissions = \"role\"");

        var problem = Manifests.Parse(text).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("process \"mm-trader\" works on account \"mm\" but its key \"mm-trader\" belongs to \"desk\"");
    }

    [Fact]
    public void Parse_UnknownTopLevelTable_SuggestsTheKnownOne()
    {
        var problem = Manifests.Parse(Manifests.Small + "\n[strategy.x]\naccount = \"mm\"\n").Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("unknown key \"strategy\" in [top level]");
        problem.Fix.ShouldStartWith("did you mean \"strategies\"");
    }

    [Fact]
    public void Load_MissingFile_IsOneProblem() =>
        ManifestLoader.Load("/nonexistent/fleet.toml").Problems.ShouldHaveSingleItem().Message.ShouldBe("the manifest file does not exist");
}
