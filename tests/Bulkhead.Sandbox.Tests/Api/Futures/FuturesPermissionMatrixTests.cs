using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>Every private Futures endpoint × every key kind: refused with <c>authenticationError</c> exactly when the key lacks the endpoint's access (futures.md §4).</summary>
public sealed class FuturesPermissionMatrixTests
{
    public enum Needs
    {
        Read,
        Full,
        Withdraw,
    }

    public static TheoryData<string, string, string, Needs> Endpoints => new()
    {
        { "GET", "/derivatives/api/v3/accounts", "", Needs.Read },
        { "GET", "/derivatives/api/v3/openpositions", "", Needs.Read },
        { "GET", "/derivatives/api/v3/openorders", "", Needs.Read },
        { "GET", "/derivatives/api/v3/fills", "", Needs.Read },
        { "GET", "/derivatives/api/v3/notifications", "", Needs.Read },
        { "GET", "/derivatives/api/v3/subaccounts", "", Needs.Read },
        { "GET", "/derivatives/api/v3/subaccount/{sub}/trading-enabled", "", Needs.Full },
        { "PUT", "/derivatives/api/v3/subaccount/{sub}/trading-enabled", "tradingEnabled=true", Needs.Full },
        { "POST", "/derivatives/api/v3/transfer", "amount=0.001&fromAccount=cash&toAccount=flex&unit=xbt", Needs.Full },
        { "POST", "/derivatives/api/v3/transfer/subaccount", "fromUser=desk&toUser=mm&fromAccount=cash&toAccount=cash&unit=xbt&amount=0.001", Needs.Full },
        { "POST", "/derivatives/api/v3/withdrawal", "amount=0.001&currency=xbt", Needs.Withdraw },
        { "GET", "/api/history/v3/account-log", "count=10", Needs.Read },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_EachKeyKind_RefusedExactlyWithoutAccess(string method, string path, string query, Needs needs)
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);
        path = path.Replace("{sub}", sandbox.Exchange.FindAccount("mm")!.FuturesUid.ToString(), StringComparison.Ordinal);
        var kinds = new (string Name, FuturesAccess Access, bool Withdraw)[]
        {
            ("none", FuturesAccess.None, false), ("read-only", FuturesAccess.ReadOnly, false), ("full", FuturesAccess.Full, false), ("withdraw only", FuturesAccess.None, true),
        };

        foreach (var (name, access, withdraw) in kinds)
        {
            var answer = await sandbox.RawAsync(new HttpMethod(method), path, query, sandbox.Key("desk", access, withdraw));
            var allowed = needs switch
            {
                Needs.Read => access is FuturesAccess.ReadOnly or FuturesAccess.Full,
                Needs.Full => access == FuturesAccess.Full,
                _ => withdraw,
            };

            var refused = path.StartsWith("/api/history", StringComparison.Ordinal)
                ? answer.Status == System.Net.HttpStatusCode.Unauthorized
                : answer.Error == "authenticationError";
            refused.ShouldBe(!allowed, $"{name} key on {method} {path}: {answer.Body}");
            if (allowed)
            {
                ((int)answer.Status).ShouldBe(200, answer.Body);
                answer.Error.ShouldBeNull(answer.Body);
            }
        }
    }
}
