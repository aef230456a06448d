using System.Text.Json;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>
/// Futures self-trade prevention across a master's account family: master <c>desk</c>, subaccounts <c>mm</c> and
/// <c>arb</c>, and an unrelated <c>lp</c>. Orders through REST <c>sendorder</c>, the strategy through
/// <c>GET/PUT /self-trade-strategy</c>.
/// </summary>
public sealed class FuturesSelfTradeTests
{
    private const string Xbt = "PF_XBTUSD";

    [Fact]
    public async Task Default_SubaccountTakerAgainstMastersMaker_RejectedAndUnrelatedStillMatch()
    {
        await using var sandbox = await StartAsync();
        var mm = sandbox.Key("mm");
        var desk = Rest(sandbox, "desk", Side.Sell, 1m);

        var strategy = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/self-trade-strategy", key: sandbox.Key("mm", FuturesAccess.ReadOnly));
        var refused = await SendAsync(sandbox, mm, "buy", 1m);

        strategy.Json.GetProperty("strategy").GetString().ShouldBe("REJECT_TAKER");
        strategy.Result.ShouldBe("success");
        refused.GetProperty("status").GetString().ShouldBe("selfFill");
        sandbox.Exchange.OpenOrders("desk", TradingVenue.Futures).Single().Id.ShouldBe(desk);
        sandbox.Exchange.Positions("mm").ShouldBeEmpty();

        Rest(sandbox, "lp", Side.Sell, 1m, 100_010m);
        (await SendAsync(sandbox, sandbox.Key("arb"), "buy", 1m, 100_010m)).GetProperty("status").GetString().ShouldBe("selfFill");  // desk's ask comes first
        sandbox.Exchange.CancelOrders("desk", _ => true);
        (await SendAsync(sandbox, mm, "buy", 1m, 100_010m)).GetProperty("status").GetString().ShouldBe("filled");                     // lp is no family
    }

    [Fact]
    public async Task PutCancelMakerAny_SubaccountTaker_CancelsMastersMakerAndFillsBehindIt()
    {
        await using var sandbox = await StartAsync();
        var mm = sandbox.Key("mm");
        var desk = Rest(sandbox, "desk", Side.Sell, 1m);
        Rest(sandbox, "lp", Side.Sell, 1m);

        var put = await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "strategy=CANCEL_MAKER_ANY", mm);
        var taken = await SendAsync(sandbox, mm, "buy", 1m);

        put.Json.GetProperty("strategy").GetString().ShouldBe("CANCEL_MAKER_ANY");
        sandbox.Exchange.SelfTradeStrategy("desk").ShouldBe(FuturesSelfTradeStrategy.CancelMakerAny);     // one strategy per family
        taken.GetProperty("status").GetString().ShouldBe("filled");
        sandbox.Exchange.FindOrder("desk", desk)!.Reason.ShouldBe(CancelReasons.SelfTrade);
        sandbox.Exchange.Positions("mm").Single().Size.ShouldBe(1m);
        sandbox.Exchange.Positions("lp").Single().Size.ShouldBe(-1m);
    }

    [Fact]
    public async Task CancelMakerSelf_OwnMakerCancelledSiblingsRejectsTheTaker()
    {
        await using var sandbox = await StartAsync();
        var mm = sandbox.Key("mm");
        (await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "strategy=CANCEL_MAKER_SELF", sandbox.Key("desk"))).Result.ShouldBe("success");
        var own = Rest(sandbox, "mm", Side.Sell, 1m);
        Rest(sandbox, "arb", Side.Sell, 1m, 100_010m);

        var answer = await SendAsync(sandbox, mm, "buy", 1m, 100_010m);

        answer.GetProperty("status").GetString().ShouldBe("selfFill");                                 // own ask cancelled, then arb's stops it
        sandbox.Exchange.FindOrder("mm", own)!.Reason.ShouldBe(CancelReasons.SelfTrade);
        sandbox.Exchange.OpenOrders("arb", TradingVenue.Futures).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CancelMakerChild_MasterCancelsSubaccountsMakerButNotTheReverse()
    {
        await using var sandbox = await StartAsync();
        (await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "strategy=CANCEL_MAKER_CHILD", sandbox.Key("desk"))).Result.ShouldBe("success");
        var child = Rest(sandbox, "mm", Side.Sell, 1m);
        Rest(sandbox, "lp", Side.Sell, 1m);

        (await SendAsync(sandbox, sandbox.Key("desk"), "buy", 1m)).GetProperty("status").GetString().ShouldBe("filled");
        sandbox.Exchange.FindOrder("mm", child)!.Reason.ShouldBe(CancelReasons.SelfTrade);

        var master = Rest(sandbox, "desk", Side.Sell, 1m, 100_020m);
        (await SendAsync(sandbox, sandbox.Key("arb"), "buy", 1m, 100_020m)).GetProperty("status").GetString().ShouldBe("selfFill");
        sandbox.Exchange.FindOrder("desk", master)!.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task PutSelfTradeStrategy_UnknownOrMissing_InvalidArgumentNothingChanged()
    {
        await using var sandbox = await StartAsync();
        var key = sandbox.Key("desk");

        var unknown = await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "strategy=cancel_maker_any", key);
        var missing = await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "", key);
        var readOnly = await sandbox.RawAsync(HttpMethod.Put, "/derivatives/api/v3/self-trade-strategy", "strategy=CANCEL_MAKER_ANY", sandbox.Key("desk", FuturesAccess.ReadOnly));

        unknown.Error.ShouldBe("invalidArgument: strategy");
        missing.Error.ShouldBe("requiredArgumentMissing");
        readOnly.Result.ShouldBe("error");
        sandbox.Exchange.SelfTradeStrategy("mm").ShouldBe(FuturesSelfTradeStrategy.RejectTaker);
    }

    private static async Task<FuturesSandbox> StartAsync()
    {
        var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Exchange.UpdateMarkPrice(Xbt, 100_000m);
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Account("arb", "desk");
        sandbox.Account("lp");
        foreach (var name in new[] { "desk", "mm", "arb", "lp" })
        {
            sandbox.Deposit(name, Wallet.FuturesFlex, "ZUSD", 100_000m);
        }

        return sandbox;
    }

    /// <summary>A resting limit order placed through the domain; its id.</summary>
    private static string Rest(FuturesSandbox sandbox, string account, Side side, decimal size, decimal price = 100_000m)
    {
        var placed = sandbox.Exchange.PlaceFuturesOrder(new FuturesOrderCommand(account, Xbt, side, FuturesOrderKind.Limit, size, price, false, null));
        placed.Verdict.ShouldBe(FuturesOrderVerdict.Placed, placed.Detail);
        return placed.Order!.Id;
    }

    private static async Task<JsonElement> SendAsync(FuturesSandbox sandbox, CreatedKey key, string side, decimal size, decimal price = 100_000m)
    {
        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", $"symbol={Xbt}&side={side}&size={size}&orderType=lmt&limitPrice={price}", key);
        answer.Result.ShouldBe("success", answer.Body);
        return answer.Json.GetProperty("sendStatus");
    }
}
