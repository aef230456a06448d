using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>ccxt <c>kraken</c> 4.5.84 against the sandbox's authentication: signatures, nonces, key settings, lockout, rate limits.</summary>
public sealed class CcxtKrakenAuthTests
{
    // Pinned nonces above any millisecond clock reading of this century, so the real clock never interferes.
    private const long HighNonce = 5_000_000_000_000;

    [Fact]
    public async Task FetchBalance_WrongSecret_IsExchangeErrorWithInvalidSignature()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);

        var steps = await sandbox.RunAsync(Ccxt, key.WithWrongSecret(), ClientStep.Call("fetchBalance"));

        // Kraken's string is not in ccxt's table: a plain ExchangeError carrying it (spot.md §7, ccxt#5128).
        steps[0].Error.ShouldBe("ExchangeError", steps[0].ToString());
        steps[0].Message.ShouldNotBeNull().ShouldContain("EAPI:Invalid signature");
    }

    [Fact]
    public async Task FetchBalance_UnknownKey_IsAuthenticationError()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var unknown = new ApiKeyPair(Convert.ToBase64String(new byte[42]), Convert.ToBase64String(new byte[64]));

        var steps = await sandbox.RunAsync(Ccxt, unknown, ClientStep.Call("fetchBalance"));

        steps[0].Error.ShouldBe("AuthenticationError", steps[0].ToString());
        steps[0].Message.ShouldNotBeNull().ShouldContain("EAPI:Invalid key");
    }

    [Fact]
    public async Task FetchBalance_LowerNonceThanLastCall_IsInvalidNonce()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);

        var steps = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("fetchBalance"),
            new ClientStep("fetchBalance", Nonce: 1_000_000_000_000),
            new ClientStep("fetchBalance", Nonce: HighNonce),
            new ClientStep("fetchBalance", Nonce: HighNonce));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[1].Error.ShouldBe("InvalidNonce", steps[1].ToString());
        steps[1].Message.ShouldNotBeNull().ShouldContain("EAPI:Invalid nonce");
        steps[2].Ok.ShouldBeTrue(steps[2].ToString());
        steps[3].Error.ShouldBe("InvalidNonce", "a reused nonce is not greater than the last: " + steps[3]);
        sandbox.Exchange.NonceHighWater(key.Key).ShouldBe(HighNonce);
    }

    [Fact]
    public async Task FetchBalance_NonceWindow_AcceptsLowerNoncesOnceWithinTheWindowOnly()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds], nonceWindow: 1000);

        var steps = await sandbox.RunAsync(
            Ccxt,
            key,
            new ClientStep("fetchBalance", Nonce: HighNonce),
            new ClientStep("fetchBalance", Nonce: HighNonce - 500),
            new ClientStep("fetchBalance", Nonce: HighNonce - 500),
            new ClientStep("fetchBalance", Nonce: HighNonce - 2000),
            new ClientStep("fetchBalance", Nonce: HighNonce + 1));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[1].Ok.ShouldBeTrue("500 below the high-water mark is inside a window of 1000: " + steps[1]);
        steps[2].Error.ShouldBe("InvalidNonce", "each nonce in the window is accepted once: " + steps[2]);
        steps[3].Error.ShouldBe("InvalidNonce", "2000 below is outside the window: " + steps[3]);
        steps[4].Ok.ShouldBeTrue(steps[4].ToString());
        sandbox.Exchange.NonceHighWater(key.Key).ShouldBe(HighNonce + 1);
    }

    [Fact]
    public async Task FetchBalance_KeyWithoutQueryFunds_IsPermissionDenied()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryLedgerEntries]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"), ClientStep.Call("fetchLedger"));

        steps[0].Error.ShouldBe("PermissionDenied", steps[0].ToString());
        steps[0].Message.ShouldNotBeNull().ShouldContain("EGeneral:Permission denied");
        steps[1].Ok.ShouldBeTrue("the key's own permission still works: " + steps[1]);
    }

    [Fact]
    public async Task FetchBalance_AfterKeyExpiry_IsRefused()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds], expiresAt: SandboxServer.Start.AddHours(1));

        var before = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));
        sandbox.Time.Advance(TimeSpan.FromHours(2));
        var after = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));

        before[0].Ok.ShouldBeTrue(before[0].ToString());
        after[0].Error.ShouldBe("AuthenticationError", after[0].ToString());
        after[0].Message.ShouldNotBeNull().ShouldContain("EAPI:Invalid key");
    }

    [Fact]
    public async Task FetchBalance_CallerOutsideTheIpAllowlist_IsPermissionDenied()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var elsewhere = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds], ipAllowlist: ["10.0.0.0/8"]);
        var loopback = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds], ipAllowlist: ["127.0.0.1/32"]);

        var refused = await sandbox.RunAsync(Ccxt, elsewhere, ClientStep.Call("fetchBalance"));
        var allowed = await sandbox.RunAsync(Ccxt, loopback, ClientStep.Call("fetchBalance"));

        refused[0].Error.ShouldBe("PermissionDenied", refused[0].ToString());
        refused[0].Message.ShouldNotBeNull().ShouldContain("EGeneral:Permission denied");
        allowed[0].Ok.ShouldBeTrue(allowed[0].ToString());
    }

    [Fact]
    public async Task FetchBalance_RepeatedBadSignatures_LockTheKeyFor15Minutes()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var sibling = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var threshold = new Bulkhead.Sandbox.SandboxOptions().LockoutThreshold;

        var bad = await sandbox.RunAsync(Ccxt, key.WithWrongSecret(), [.. Enumerable.Repeat(ClientStep.Call("fetchBalance"), threshold + 2)]);
        var goodDuringLockout = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));
        var siblingDuringLockout = await sandbox.RunAsync(Ccxt, sibling, ClientStep.Call("fetchBalance"));
        var lockedUntil = sandbox.KeyStats(key.Key).LockedUntil;
        sandbox.Time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterLockout = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));

        bad[0].Message.ShouldNotBeNull().ShouldContain("EAPI:Invalid signature");
        bad[^1].Error.ShouldBe("DDoSProtection", bad[^1].ToString());
        bad[^1].Message.ShouldNotBeNull().ShouldContain("EGeneral:Temporary lockout");
        goodDuringLockout[0].Error.ShouldBe("DDoSProtection", "even a correct call is refused while locked: " + goodDuringLockout[0]);
        goodDuringLockout[0].Message.ShouldNotBeNull().ShouldContain("EGeneral:Temporary lockout");
        siblingDuringLockout[0].Ok.ShouldBeTrue("other keys of the account are not locked: " + siblingDuringLockout[0]);
        lockedUntil.ShouldNotBeNull().ShouldBeInRange(SandboxServer.Start.AddMinutes(14), SandboxServer.Start.AddMinutes(16));
        stillLocked[0].Error.ShouldBe("DDoSProtection", stillLocked[0].ToString());
        afterLockout[0].Ok.ShouldBeTrue("the lockout ends after 15 minutes: " + afterLockout[0]);
    }

    [Fact]
    public async Task FetchBalance_OverTheRestCounter_IsRateLimitedPerKeyAndRecovers()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("mm", master: "desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var sameAccount = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var subaccount = await sandbox.Admin.CreateSpotKeyAsync("mm", [QueryFunds]);

        // Intermediate tier: counter max 20, +1 per Balance call, decaying 0.5/s on the sandbox's (frozen) clock.
        var burst = await sandbox.RunAsync(Ccxt, key, NoRateLimiter, new ClientStep("fetchBalance", Nonce: HighNonce, Repeat: 40));
        var otherKey = await sandbox.RunAsync(Ccxt, sameAccount, NoRateLimiter, ClientStep.Call("fetchBalance"));
        var ownCounter = await sandbox.RunAsync(Ccxt, subaccount, NoRateLimiter, ClientStep.Call("fetchBalance"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(4));
        var recovered = await sandbox.RunAsync(Ccxt, key, NoRateLimiter, new ClientStep("fetchBalance", Nonce: HighNonce + 100, Repeat: 2));

        burst[0].Error.ShouldBe("DDoSProtection", burst[0].ToString());
        burst[0].Message.ShouldNotBeNull().ShouldContain("EAPI:Rate limit exceeded");
        burst[0].Calls.ShouldBe(21, "20 calls fill the Intermediate counter; the 21st exceeds it");
        otherKey[0].Ok.ShouldBeTrue("Kraken counts per API key: the account's other key has its own counter: " + otherKey[0]);
        ownCounter[0].Ok.ShouldBeTrue("a subaccount has its own counter: " + ownCounter[0]);
        recovered[0].Ok.ShouldBeTrue("4 s at 0.5/s decays the counter by 2: " + recovered[0]);
        recovered[0].Calls.ShouldBe(2);
    }
}
