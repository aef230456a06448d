using Bulkhead.Fleet.Rehearsals;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Rehearsals;

/// <summary>
/// The manifest revision the production gate compares: it moves with who may call what from where (processes, roles,
/// keys' permissions and allowlists, hosts) and stays put for environment-specific values and tuning.
/// </summary>
public sealed class ManifestRevisionTests
{
    private static readonly string Base = ManifestRevision.Of(Manifests.Valid(Manifests.Small));

    [Fact]
    public void Revision_Is16HexDigits_AndStable()
    {
        Base.ShouldMatch("^[0-9a-f]{16}$");
        ManifestRevision.Of(Manifests.Valid(Manifests.Small)).ShouldBe(Base);
    }

    [Theory]
    [InlineData("spot_url = \"https://api.kraken.com\"", "spot_url = \"https://api.example.com\"")]
    [InlineData("secret = \"store:mm-trader\"", "secret = \"env:MM_TRADER\"")]
    [InlineData("created = 2026-11-01\nexpires = 2027-05-01\nsecret = \"store:mm-trader\"", "created = 2026-12-01\nexpires = 2027-06-01\nsecret = \"store:mm-trader\"")]
    [InlineData("pairs = [\"XBTUSD\"]", "pairs = [\"XBTUSD\"]\nparams = { spread_bps = \"9\" }")]
    [InlineData("separate_capital = true", "separate_capital = true\nrisk = { max_drawdown_usd = \"100\" }")]
    public void EnvironmentSpecificValuesAndTuning_KeepTheRevision(string from, string to) =>
        ManifestRevision.Of(Manifests.Valid(Manifests.SmallWith(from, to))).ShouldBe(Base);

    [Theory]
    [InlineData("ip_allowlist = [\"10.0.0.5/32\"]", "ip_allowlist = [\"10.0.0.7/32\"]")]
    [InlineData("permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]", "permissions = [\"Query Funds\"]")]
    [InlineData("hosts = [\"10.0.0.5\"]", "hosts = [\"10.0.0.5\", \"10.0.0.6\"]")]
    [InlineData("[processes.mm-trader]\nrole = \"trader\"\n", "[processes.mm-trader]\nrole = \"trader\"\ntransport = \"rest\"\n")]
    [InlineData("[processes.dashboard]", "[processes.dashboard2]")]
    public void WhoMayCallWhatFromWhere_ChangesTheRevision(string from, string to) =>
        ManifestRevision.Of(Manifests.Valid(Manifests.SmallWith(from, to))).ShouldNotBe(Base);

    [Fact]
    public void Canonical_NamesEachProcessKeyAndHost_WithoutSecretsOrUrls()
    {
        var text = ManifestRevision.Canonical(Manifests.Valid(Manifests.Small));
        text.ShouldContain("process mm-trader role=Trader strategy=mm account=mm key=mm-trader transport=WebSocket hosts=10.0.0.5\n");
        text.ShouldContain("key dashboard account=desk venue=Spot");
        text.ShouldNotContain("store:");
        text.ShouldNotContain("env:");
        text.ShouldNotContain("kraken.com");
    }
}
