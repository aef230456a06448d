using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.KeyTests;

/// <summary>The key registry component: Kraken's key settings checked, keys built, revoked, found and listed.</summary>
public sealed class KeyRegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, -1L, "", "nonceWindow must not be negative")]
    [InlineData(KeyVenue.Futures, SpotPermission.QueryFunds, FuturesAccess.Full, false, 0L, "", "a Futures key takes 'futures' (full or read-only) and 'withdraw', not Spot permissions")]
    [InlineData(KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.Full, false, 0L, "", "a Spot key takes Spot permissions, not 'futures' or 'withdraw'")]
    [InlineData(KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0L, "10.0.0.0/33", "ipAllowlist entry '10.0.0.0/33' is not an IP address or CIDR (e.g. 127.0.0.1/32)")]
    public void Build_InvalidSettings_RefusedWithTheReason(KeyVenue venue, SpotPermission permissions, FuturesAccess access, bool withdraw, long window, string ip, string detail)
    {
        var built = KeyRegistry.Build(new KeySpec("desk", venue, permissions, access, withdraw, window, ip.Length > 0 ? [ip] : [], null, null, null), Now);

        built.Success.ShouldBeFalse();
        built.Rejection.ShouldBe(SandboxRejection.InvalidKeySettings);
        built.Detail.ShouldBe(detail);
    }

    [Fact]
    public void Build_ValidSpec_KeyLikeKrakensWithAFreshSecretAndSingleAddressesAsHostNetworks()
    {
        var built = KeyRegistry.Build(new KeySpec("desk", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 5, ["127.0.0.1", "10.0.0.0/8"], null, null, null), Now);

        built.Success.ShouldBeTrue();
        var key = built.Value.Key;
        key.Key.Length.ShouldBe(56);
        Convert.FromBase64String(built.Value.SecretBase64).Length.ShouldBe(64);
        key.IpAllowlist.Select(n => n.ToString()).ShouldBe(["127.0.0.1/32", "10.0.0.0/8"]);
        key.CreatedAt.ShouldBe(Now);
        key.RevokedAt.ShouldBeNull();
        KeyRegistry.Build(new KeySpec("desk", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0, [], null, null, null), Now).Value!.Key.Key.ShouldNotBe(key.Key);
    }

    [Fact]
    public void Revoke_UnknownKnownAndAgain_RefusedThenStampedOnceThenUnchanged()
    {
        var registry = new KeyRegistry();
        var key = Key("desk", Now);
        registry.Apply([key]);

        registry.Revoke("nope", Now).Rejection.ShouldBe(SandboxRejection.UnknownKey);
        var revoked = registry.Revoke(key.Key, Now.AddMinutes(1)).Value!;
        revoked.RevokedAt.ShouldBe(Now.AddMinutes(1));
        registry.Find(key.Key)!.RevokedAt.ShouldBeNull("nothing changes until the revoked key is applied");

        registry.Apply([revoked]);
        registry.Revoke(key.Key, Now.AddMinutes(2)).Value!.RevokedAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void List_AllOrOneAccount_InCreationOrder()
    {
        var registry = new KeyRegistry();
        var later = Key("desk", Now.AddMinutes(2));
        var first = Key("desk", Now);
        var other = Key("mm", Now.AddMinutes(1));
        registry.Apply([later, first, other]);

        registry.List("desk").Select(k => k.Key).ShouldBe([first.Key, later.Key]);
        registry.List(null).Select(k => k.Key).ShouldBe([first.Key, other.Key, later.Key]);
    }

    private static SandboxApiKey Key(string account, DateTimeOffset created) =>
        KeyRegistry.Build(new KeySpec(account, KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0, [], null, null, null), created).Value!.Key;
}
