using Bulkhead.Fleet.Manifest;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Manifest;

/// <summary><c>strategy = { assembly, type }</c>: a strategy from the user's own assembly instead of a built-in kind.</summary>
public sealed class StrategyAssemblyTests
{
    private const string Kind = "kind = \"spot-market-maker\"";

    [Fact]
    public void OwnAssembly_IsRead_KindIsTheTypeName_PathResolvedAgainstTheManifestFolder()
    {
        var strategy = Manifests.Valid(Manifests.SmallWith(Kind, "strategy = { assembly = \"strategies/Desk.Strategies.dll\", type = \"Desk.Strategies.TouchTwap\" }")).FindStrategy("mm")!;

        strategy.Assembly.ShouldBe(new StrategyAssembly("strategies/Desk.Strategies.dll", "Desk.Strategies.TouchTwap"));
        strategy.Kind.ShouldBe("Desk.Strategies.TouchTwap");
        strategy.Assembly!.FullPath("/desk").ShouldBe("/desk/strategies/Desk.Strategies.dll");
        new StrategyAssembly("/opt/desk/D.dll", "D.S").FullPath("/desk").ShouldBe("/opt/desk/D.dll");
    }

    [Fact]
    public void BuiltInKind_HasNoAssembly() => Manifests.Valid(Manifests.Small).FindStrategy("mm")!.Assembly.ShouldBeNull();

    [Fact]
    public void KindAndStrategy_IsAnError()
    {
        var problem = Manifests.Parse(Manifests.SmallWith(Kind, Kind + "\nstrategy = { assembly = \"d.dll\", type = \"D.S\" }")).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("[strategies.mm] has both kind and strategy");
    }

    [Theory]
    [InlineData("strategy = { assembly = \"d.dll\" }", "is missing the required key \"type\"")]
    [InlineData("strategy = { type = \"D.S\" }", "is missing the required key \"assembly\"")]
    [InlineData("strategy = { assembly = \"d.dll\", type = \"D.S\", version = \"2\" }", "version")]
    public void IncompleteOrUnknownKeys_AreErrors(string table, string message) =>
        Manifests.Parse(Manifests.SmallWith(Kind, table)).Problems.ShouldContain(p => p.Message.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void NeitherKindNorStrategy_SaysBoth()
    {
        var problem = Manifests.Parse(Manifests.SmallWith(Kind + "\n", string.Empty)).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("is missing the required key \"kind\"");
        problem.Fix.ShouldContain("strategy = { assembly");
    }
}
