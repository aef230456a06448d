using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Admin;

/// <summary>The admin API as a provisioning script uses it (issue #5 §8), checked through what ccxt then sees.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task AdminCall_WithoutOrWithAWrongBearerToken_IsRefused()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var none = await sandbox.Admin.RawAsync(HttpMethod.Get, "/admin/accounts", null, token: "");
        var wrong = await sandbox.Admin.RawAsync(HttpMethod.Get, "/admin/accounts", null, token: "not-the-token");

        none.Status.ShouldBe(401, none.Body);
        wrong.Status.ShouldBe(401, wrong.Body);
    }

    [Fact]
    public async Task Provisioning_UnknownAccountAssetOrPermission_Is4xxNamingIt()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");

        var account = await sandbox.Admin.RawAsync(HttpMethod.Post, "/admin/deposits", new JsonObject { ["account"] = "nobody", ["asset"] = "ZUSD", ["amount"] = "1" });
        var asset = await sandbox.Admin.RawAsync(HttpMethod.Post, "/admin/deposits", new JsonObject { ["account"] = "desk", ["asset"] = "ZZZZ", ["amount"] = "1" });
        var permission = await sandbox.Admin.RawAsync(HttpMethod.Post, "/admin/keys", new JsonObject { ["account"] = "desk", ["permissions"] = new JsonArray("Query Fundz") });

        account.Status.ShouldBeInRange(400, 499);
        account.Body.ShouldContain("nobody");
        asset.Status.ShouldBeInRange(400, 499);
        asset.Body.ShouldContain("ZZZZ");
        permission.Status.ShouldBeInRange(400, 499);
        permission.Body.ShouldContain("Query Fundz");
        sandbox.Exchange.NetExternalFlows().Values.ShouldAllBe(v => v == 0m);
    }

    [Fact]
    public async Task Accounts_AfterDeposits_ListsBalances()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("mm", master: "desk");
        await sandbox.Admin.DepositAsync("mm", "ZUSD", "42");

        var accounts = (await sandbox.Admin.AccountsAsync()).ToJsonString();

        accounts.ShouldContain("\"desk\"");
        accounts.ShouldContain("\"mm\"");
        accounts.ShouldContain("42");
    }

    [Fact]
    public async Task RevokeKey_ThenCcxtCall_IsAuthenticationError()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await KeyContainingSlashAsync(sandbox);

        var before = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));
        await sandbox.Admin.RevokeKeyAsync(key.Key);
        var after = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));

        before[0].Ok.ShouldBeTrue(before[0].ToString());
        after[0].Error.ShouldBe("AuthenticationError", after[0].ToString());
        sandbox.Exchange.FindKey(key.Key).ShouldNotBeNull().RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task KeyStats_KeyContainingSlash_CountsRequestsAndFailures()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await KeyContainingSlashAsync(sandbox);
        await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));
        await sandbox.RunAsync(Ccxt, key.WithWrongSecret(), ClientStep.Call("fetchBalance"));

        var stats = await sandbox.Admin.KeyStatsAsync(key.Key);

        stats["requests"]!.GetValue<long>().ShouldBe(2);
        stats["nonceHighWater"]!.GetValue<long>().ShouldBe(sandbox.Exchange.NonceHighWater(key.Key));
        stats["failuresByKind"]!.ToJsonString().ShouldContain("1");
        stats["lockedUntil"].ShouldBeNull();
    }

    // Kraken-style keys are base64, so most contain '/': the admin routes that take a key in the path must find them.
    private static async Task<ApiKeyPair> KeyContainingSlashAsync(SandboxServer sandbox)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
            if (key.Key.Contains('/', StringComparison.Ordinal))
            {
                return key;
            }
        }

        throw new InvalidOperationException("50 keys without a '/': the key format changed; revisit this test.");
    }
}
