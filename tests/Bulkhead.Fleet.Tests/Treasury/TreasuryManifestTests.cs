using Bulkhead.Fleet.Manifest;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>The manifest fields the treasury reads: IIBANs for Spot AccountTransfer.</summary>
public sealed class TreasuryManifestTests
{
    [Fact]
    public void Load_Iibans_OnTheMasterAndSubaccounts()
    {
        var text = File.ReadAllText(Manifests.ExamplePath)
            .Replace("[master]\nname = \"desk\"", "[master]\nname = \"desk\"\niiban = \"AA12 N84G HKCE 3DSH\"", StringComparison.Ordinal)
            .Replace("[subaccounts.mm]\n", "[subaccounts.mm]\niiban = \"BB34 N84G HKCE 3DSH\"\n", StringComparison.Ordinal);

        var manifest = ManifestLoader.Parse(text, "fleet.toml").GetValueOrThrow();

        manifest.Master.Iiban.ShouldBe("AA12 N84G HKCE 3DSH");
        manifest.FindSubaccount("mm")!.Iiban.ShouldBe("BB34 N84G HKCE 3DSH");
        manifest.FindSubaccount("momo")!.Iiban.ShouldBeNull();
    }
}
