using System.Net;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesAuthTests
{
    private const string Accounts = "/derivatives/api/v3/accounts";
    private static readonly string WrongSecret = Convert.ToBase64String(new byte[64]);

    [Fact]
    public async Task Accounts_WrongSignature_AuthenticationErrorWithHttp200()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk");

        var answer = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, secretOverride: WrongSecret);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Result.ShouldBe("error");
        answer.Error.ShouldBe("authenticationError");
        answer.Json.TryGetProperty("serverTime", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Transfer_QueryChangedAfterSigning_AuthenticationErrorWithoutChange()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);
        var key = sandbox.Key("desk");

        var tampered = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", "amount=0.9&fromAccount=cash&toAccount=flex&unit=xbt", key,
            signedQuery: "amount=0.1&fromAccount=cash&toAccount=flex&unit=xbt");

        tampered.Error.ShouldBe("authenticationError");
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
    }

    [Fact]
    public async Task Accounts_UnknownKeyOrSpotKey_AuthenticationError()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var spot = sandbox.Exchange.CreateKey(new KeySpec("desk", KeyVenue.Spot, Bulkhead.Kraken.Spot.SpotPermission.None, FuturesAccess.None, false, 0, [], null, null, null)).Value!;

        var answer = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: spot);

        answer.Error.ShouldBe("authenticationError");
    }

    [Fact]
    public async Task Accounts_NonceHeaderLowerThenRepeated_BelowThresholdThenDuplicate()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk");

        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "1000")).Result.ShouldBe("success");
        var lower = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "999");
        var same = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "1000");
        var higher = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "1001");
        var none = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key);

        lower.Error.ShouldBe("nonceBelowThreshold");
        same.Error.ShouldBe("nonceDuplicate");
        higher.Result.ShouldBe("success");
        none.Result.ShouldBe("success");
    }

    [Fact]
    public async Task Accounts_NonceWindow_AcceptsOlderNonceOnce()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk", nonceWindow: 10);

        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "1000")).Result.ShouldBe("success");
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "995")).Result.ShouldBe("success");
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "995")).Error.ShouldBe("nonceDuplicate");
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, nonce: "980")).Error.ShouldBe("nonceBelowThreshold");
    }

    [Fact]
    public async Task Accounts_Over500CostIn10Seconds_ApiLimitExceededThenRecovers()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);
        var second = sandbox.Key("desk", FuturesAccess.ReadOnly);

        for (var i = 0; i < 250; i++)
        {
            (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: i % 2 == 0 ? key : second)).Result.ShouldBe("success");
        }

        var limited = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key);
        var otherKeySameAccount = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: second);
        var subaccount = await sandbox.RawAsync(HttpMethod.Get, Accounts, key: sandbox.Key("mm", FuturesAccess.ReadOnly));
        var publicCall = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/instruments");

        limited.Status.ShouldBe(HttpStatusCode.OK);
        limited.Error.ShouldBe("apiLimitExceeded");
        otherKeySameAccount.Error.ShouldBe("apiLimitExceeded");
        subaccount.Result.ShouldBe("success");
        publicCall.Result.ShouldBe("success");

        sandbox.Time.Advance(TimeSpan.FromSeconds(10));
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key)).Result.ShouldBe("success");
    }

    [Fact]
    public async Task AccountLog_WrongSignature_Http401StatusReason()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/account-log", "count=10", key, secretOverride: WrongSecret);

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Json.GetProperty("status").GetString().ShouldBe("unauthorized");
        answer.Json.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task AccountLog_TokensSpent_Http429WithResetHeader()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        // count 5001+ costs 10 of the 100 tokens.
        for (var i = 0; i < 10; i++)
        {
            (await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/account-log", "count=10000", key)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/account-log", "count=10000", key);

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.GetValues("rate-limit-reset").Single().ShouldBe("60");
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        (await sandbox.RawAsync(HttpMethod.Get, "/api/history/v3/account-log", "count=10000", key)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accounts_IpNotAllowedOrExpiredKey_AuthenticationError()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var elsewhere = sandbox.Exchange.CreateKey(new KeySpec("desk", KeyVenue.Futures, Bulkhead.Kraken.Spot.SpotPermission.None, FuturesAccess.Full, false, 0, ["10.0.0.0/8"], null, null, null)).Value!;
        var loopback = sandbox.Exchange.CreateKey(new KeySpec("desk", KeyVenue.Futures, Bulkhead.Kraken.Spot.SpotPermission.None, FuturesAccess.Full, false, 0, ["127.0.0.1/32"], sandbox.Time.GetUtcNow().AddHours(1), null, null)).Value!;

        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: elsewhere)).Error.ShouldBe("authenticationError");
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: loopback)).Result.ShouldBe("success");
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: loopback)).Error.ShouldBe("authenticationError");
    }

    [Fact]
    public async Task Accounts_RepeatedBadSignatures_LockedOutThenExpires()
    {
        await using var sandbox = await FuturesSandbox.StartAsync(new SandboxOptions { InMemory = true, LockoutThreshold = 3 });
        sandbox.Account("desk");
        var key = sandbox.Key("desk");
        for (var i = 0; i < 3; i++)
        {
            (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key, secretOverride: WrongSecret)).Error.ShouldBe("authenticationError");
        }

        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key)).Error.ShouldBe("authenticationError");
        sandbox.Time.Advance(TimeSpan.FromMinutes(15));
        (await sandbox.RawAsync(HttpMethod.Get, Accounts, key: key)).Result.ShouldBe("success");
    }
}
