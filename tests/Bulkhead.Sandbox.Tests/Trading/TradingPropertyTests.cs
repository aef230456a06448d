using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Trading;

/// <summary>
/// Random order, amend and cancel sequences across a master, its subaccounts and another master (fees in base and quote,
/// post-only, IOC, market orders): after every step each asset sums to zero over all accounts (system ones included),
/// holds never exceed balances and equal what the open orders reserve, every refid balances, and the book is never crossed.
/// </summary>
public sealed class TradingPropertyTests
{
    private static readonly string[] Accounts = ["desk", "mm", "dir", "other"];

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[-10, 10], Gen.Int[1, 60], Gen.Int[0, 7], Gen.Int[0, 1_000])
            .Select((kind, account, tick, lots, flags, pick) => new Step(kind, account, tick, lots, flags, pick));

    [Fact]
    public void RandomOrderAndCancelSequences_BalancesConserveAndHoldsStayWithinBalances()
    {
        StepGen.Array[1, 50].Sample(steps =>
        {
            using var f = new TradingFixture();
            foreach (var account in Accounts)
            {
                f.Fund(account, "ZUSD", 3_000m);
                f.Fund(account, "XXBT", 0.1m);
            }

            foreach (var step in steps)
            {
                Run(f, step);
                Check(f);
            }
        }, iter: 60);
    }

    private static void Run(TradingFixture f, Step step)
    {
        var account = Accounts[step.Account];
        var price = 50_000m + (step.Tick * 10m);
        var volume = step.Lots * 0.001m;
        var flags = (step.Flags & 1) != 0 ? SandboxOrderConditions.FeeInBase : SandboxOrderConditions.None;
        flags |= (step.Flags & 2) != 0 ? SandboxOrderConditions.PostOnly : SandboxOrderConditions.None;
        var side = (step.Flags & 4) != 0 ? Side.Sell : Side.Buy;
        var open = f.Exchange.OpenOrders(account);
        switch (step.Kind)
        {
            case 0 or 1:
                _ = f.Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, "XXBTZUSD", side, OrderKind.Limit, volume, price, Flags: flags));
                break;
            case 2:
                _ = f.Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, "XXBTZUSD", side, OrderKind.Market, volume, Flags: flags & ~SandboxOrderConditions.PostOnly));
                break;
            case 3:
                _ = f.Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, "XXBTZUSD", side, OrderKind.Limit, volume, price, TimeInForce.ImmediateOrCancel, Flags: flags & ~SandboxOrderConditions.PostOnly));
                break;
            case 4 when open.Count > 0:
                f.Exchange.CancelOrder(account, open[step.Pick % open.Count].Id).Success.ShouldBeTrue();
                break;
            case 5 when open.Count > 0:
                var target = open[step.Pick % open.Count];
                _ = (step.Flags & 1) != 0
                    ? f.Exchange.AmendOrder(account, target.Id, target.Executed + volume, price)
                    : f.Exchange.EditOrder(account, target.Id, target.Executed + volume, price);
                break;
            default:
                break;
        }

        f.Time.Advance(TimeSpan.FromSeconds(1));
    }

    private static void Check(TradingFixture f)
    {
        f.ShouldConserve();
        var orders = f.Exchange.AllOrders();
        foreach (var account in Accounts)
        {
            foreach (var asset in new[] { "ZUSD", "XXBT" })
            {
                var reserved = orders.Where(o => o.IsOpen && o.Account == account && o.HoldAsset == asset).Sum(o => o.Hold);
                f.Hold(account, asset).ShouldBe(reserved);
            }
        }

        var (bid, ask) = f.Exchange.BestPrices(TradingVenue.Spot, "XXBTZUSD");
        if (bid is { } b && ask is { } a)
        {
            b.ShouldBeLessThan(a);
        }

        orders.Where(o => !o.IsOpen).ShouldAllBe(o => o.Hold == 0m);
        f.Exchange.Balances(SystemAccounts.Fees, Wallet.Spot).Values.ShouldAllBe(v => v >= 0m);
    }

    private sealed record Step(int Kind, int Account, int Tick, int Lots, int Flags, int Pick);
}
