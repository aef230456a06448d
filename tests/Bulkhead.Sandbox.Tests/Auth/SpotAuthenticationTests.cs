using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Auth;

public sealed class SpotAuthenticationTests
{
    [Fact]
    public async Task Balance_WrongSignature_InvalidSignature()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var wrong = key with { Secret = Convert.ToBase64String(new byte[64]) };
        (await sandbox.PrivateAsync(wrong, "Balance")).ShouldFailWith(KrakenErrors.InvalidSignature);
        sandbox.Activity.Stats(key.ApiKey).FailuresByKind[KrakenErrors.InvalidSignature].ShouldBe(1);
    }

    [Fact]
    public async Task Balance_UnknownKey_InvalidKey()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        (await sandbox.PrivateAsync(key with { ApiKey = "nope" }, "Balance")).ShouldFailWith(KrakenErrors.InvalidKey);
        sandbox.Exchange.RevokeKey(key.ApiKey).Success.ShouldBeTrue();
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.InvalidKey);
    }

    [Fact]
    public async Task Balance_LowerNonce_InvalidNonce()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        (await sandbox.PrivateAsync(key, "Balance", nonce: 1000)).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "Balance", nonce: 999)).ShouldFailWith(KrakenErrors.InvalidNonce);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 1000)).ShouldFailWith(KrakenErrors.InvalidNonce);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(1000);
        sandbox.Activity.Stats(key.ApiKey).NonceHighWater.ShouldBe(1000);
    }

    [Fact]
    public async Task Calls_LogEveryRequestOfTheKey_WithItsSourceAddressNonceAndOutcome()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        (await sandbox.PrivateAsync(key, "Balance", nonce: 1000)).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "Balance", nonce: 999)).ShouldFailWith(KrakenErrors.InvalidNonce);

        var calls = sandbox.Activity.Calls(key.ApiKey);

        calls.Select(c => (c.Address, c.Path, c.Nonce, c.Outcome)).ShouldBe(
        [
            ("127.0.0.1", "/0/private/Balance", (long?)1000, "ok"),
            ("127.0.0.1", "/0/private/Balance", (long?)999, KrakenErrors.InvalidNonce),
        ]);
        calls[0].At.ShouldBeLessThanOrEqualTo(calls[1].At);
        sandbox.Activity.Calls("never-seen").ShouldBeEmpty();
    }

    [Fact]
    public async Task Balance_NonceWindow_BelowWithinAcceptedOnce_OutsideRefused()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"), nonceWindow: 10);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 1000)).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "Balance", nonce: 995)).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "Balance", nonce: 995)).ShouldFailWith(KrakenErrors.InvalidNonce);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 1000)).ShouldFailWith(KrakenErrors.InvalidNonce);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 989)).ShouldFailWith(KrakenErrors.InvalidNonce);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 990)).ShouldSucceed();
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(1000);
    }

    [Fact]
    public async Task Balance_MissingPermission_PermissionDenied_NonceNotRecorded()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"), SpotPermission.QueryLedgerEntries);
        (await sandbox.PrivateAsync(key, "Balance", nonce: 50)).ShouldFailWith(KrakenErrors.PermissionDenied);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(0);
        (await sandbox.PrivateAsync(key, "Ledgers", nonce: 50)).ShouldSucceed();
    }

    [Fact]
    public async Task Balance_ExpiredKey_InvalidKey()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"), expiresAt: sandbox.Time.GetUtcNow().AddMinutes(1));
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.InvalidKey);
    }

    [Fact]
    public async Task Balance_IpNotAllowed_PermissionDenied()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"), ipAllowlist: ["10.0.0.0/8"]);
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.PermissionDenied);
        var loopback = sandbox.Key("desk", ipAllowlist: ["127.0.0.1/32"]);
        (await sandbox.PrivateAsync(loopback, "Balance")).ShouldSucceed();
    }

    [Fact]
    public async Task Balance_AfterThresholdFailures_LockedOut_OtherKeyFine_ExpiresAfterDuration()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var other = sandbox.Key("desk");
        (await sandbox.PrivateAsync(key, "Balance", nonce: 5)).ShouldSucceed();
        for (var i = 0; i < 10; i++)
        {
            (await sandbox.PrivateAsync(key, "Balance", nonce: 1)).ShouldFailWith(KrakenErrors.InvalidNonce);
        }

        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.TemporaryLockout);
        sandbox.Activity.Stats(key.ApiKey).LockedUntil.ShouldBe(sandbox.Time.GetUtcNow().AddMinutes(15));
        (await sandbox.PrivateAsync(other, "Balance")).ShouldSucceed();
        sandbox.Time.Advance(TimeSpan.FromMinutes(15));
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
        sandbox.Activity.Stats(key.ApiKey).LockedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Balance_NineFailuresSpreadOverWindow_NotLocked()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        (await sandbox.PrivateAsync(key, "Balance", nonce: 5)).ShouldSucceed();
        for (var i = 0; i < 15; i++)
        {
            (await sandbox.PrivateAsync(key, "Balance", nonce: 1)).ShouldFailWith(KrakenErrors.InvalidNonce);
            sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        }

        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
    }

    [Fact]
    public async Task Balance_KeyOverItsCounter_RateLimitExceeded_OtherKeyOfAccountFullService_RecoversAfterDecay()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var second = sandbox.Key("desk");
        for (var i = 0; i < 20; i++)
        {
            (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
        }

        var highWater = sandbox.Exchange.NonceHighWater(key.ApiKey);
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.RateLimitExceeded);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(highWater);

        // Kraken counts per key (spot.md §3): the account's other key still has its whole counter (Intermediate: 20).
        for (var i = 0; i < 20; i++)
        {
            (await sandbox.PrivateAsync(second, "Balance")).ShouldSucceed();
        }

        (await sandbox.PrivateAsync(second, "Balance")).ShouldFailWith(KrakenErrors.RateLimitExceeded);
        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.RateLimitExceeded);
        sandbox.Authenticator.SpotRest(sandbox.Exchange.FindKey(key.ApiKey)!).GetHeadroom().Used.ShouldBe(20m);
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
    }

    [Fact]
    public async Task Ledgers_KeyOverItsCounter_SubaccountKeyAndOtherKeyUnaffected()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var second = sandbox.Key("desk");
        var sub = sandbox.Key(sandbox.Sub("mm", "desk"));
        for (var i = 0; i < 10; i++)
        {
            (await sandbox.PrivateAsync(key, "Ledgers")).ShouldSucceed(); // cost 2
        }

        (await sandbox.PrivateAsync(key, "Balance")).ShouldFailWith(KrakenErrors.RateLimitExceeded);
        (await sandbox.PrivateAsync(second, "Ledgers")).ShouldSucceed();
        (await sandbox.PrivateAsync(sub, "Ledgers")).ShouldSucceed();
        sandbox.Activity.Stats(key.ApiKey).FailuresByKind[KrakenErrors.RateLimitExceeded].ShouldBe(1);
        sandbox.Activity.Stats(second.ApiKey).FailuresByKind.ShouldBeEmpty();
    }
}
