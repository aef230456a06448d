using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

#pragma warning disable IDE0130 // Not ".Keys": that namespace would shadow Bulkhead.Sandbox.Keys in sibling test folders (Keys.KeySpec).
namespace Bulkhead.Sandbox.Tests.KeyTests;
#pragma warning restore IDE0130

public sealed class SandboxExchangeKeysTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SandboxExchange _exchange;

    public SandboxExchangeKeysTests()
    {
        _exchange = new SandboxExchange(new InMemorySandboxStore(), _time);
        _exchange.CreateAccount("desk", null);
    }

    public void Dispose() => _exchange.Dispose();

    [Fact]
    public void CreateKey_Spot_SecretShownOnceNeverInToString()
    {
        var created = _exchange.CreateKey(Spec(ips: ["127.0.0.1"])).Value!;

        Convert.FromBase64String(created.SecretBase64).Length.ShouldBe(64);
        created.Key.Key.Length.ShouldBe(56);
        created.ToString().ShouldNotContain(created.SecretBase64);
        created.Key.ToString().ShouldNotContain(created.Key.Key);
        created.Key.IpAllowlist.Single().ToString().ShouldBe("127.0.0.1/32");
        _exchange.FindKey(created.Key.Key)!.Permissions.ShouldBe(SpotPermission.QueryFunds);
    }

    [Fact]
    public void CreateKey_BadSettings_Refused()
    {
        _exchange.CreateKey(Spec(ips: ["not-an-ip"])).Rejection.ShouldBe(SandboxRejection.InvalidKeySettings);
        _exchange.CreateKey(Spec() with { NonceWindow = -1 }).Rejection.ShouldBe(SandboxRejection.InvalidKeySettings);
        _exchange.CreateKey(Spec() with { Venue = KeyVenue.Futures }).Rejection.ShouldBe(SandboxRejection.InvalidKeySettings);
        _exchange.CreateKey(Spec() with { FuturesAccess = FuturesAccess.Full }).Rejection.ShouldBe(SandboxRejection.InvalidKeySettings);
        _exchange.CreateKey(Spec() with { Account = "ghost" }).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        _exchange.Keys(null).ShouldBeEmpty();
    }

    [Fact]
    public void RevokeKey_Known_StampsRevokedAtOnce()
    {
        var key = _exchange.CreateKey(Spec()).Value!.Key.Key;
        _time.Advance(TimeSpan.FromMinutes(1));

        var revoked = _exchange.RevokeKey(key).Value!;
        _time.Advance(TimeSpan.FromMinutes(1));

        revoked.RevokedAt.ShouldBe(_time.GetUtcNow().AddMinutes(-1));
        _exchange.RevokeKey(key).Value!.RevokedAt.ShouldBe(revoked.RevokedAt);
        _exchange.RevokeKey("nope").Rejection.ShouldBe(SandboxRejection.UnknownKey);
    }

    [Fact]
    public void SetNonceHighWater_Lower_NeverLowers()
    {
        _exchange.SetNonceHighWater("k", 10);
        _exchange.SetNonceHighWater("k", 5);

        _exchange.NonceHighWater("k").ShouldBe(10);
        _exchange.NonceHighWater("fresh").ShouldBe(0);
    }

    private static KeySpec Spec(IReadOnlyList<string>? ips = null) =>
        new("desk", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0, ips ?? [], null, null, null);
}
