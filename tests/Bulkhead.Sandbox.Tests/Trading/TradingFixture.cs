using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Trading;

/// <summary>An exchange on a fake clock with a master <c>desk</c>, its subaccounts <c>mm</c> and <c>dir</c>, and <c>other</c>.</summary>
internal sealed class TradingFixture : IDisposable
{
    public TradingFixture(ISandboxStore? store = null)
    {
        Exchange = new SandboxExchange(store ?? new InMemorySandboxStore(), Time);
        Exchange.CreateAccount("desk", null);
        Exchange.CreateAccount("mm", "desk");
        Exchange.CreateAccount("dir", "desk");
        Exchange.CreateAccount("other", null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SandboxExchange Exchange { get; }

    public void Fund(string account, string asset, decimal amount) =>
        Exchange.Deposit(account, Wallet.Spot, asset, amount).Success.ShouldBeTrue();

    public SandboxResult<SandboxOrderOutcome> Limit(string account, Side side, decimal volume, decimal price, string pair = "XXBTZUSD", SandboxOrderConditions flags = SandboxOrderConditions.None) =>
        Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, pair, side, OrderKind.Limit, volume, price, Flags: flags));

    public SandboxResult<SandboxOrderOutcome> Market(string account, Side side, decimal volume, string pair = "XXBTZUSD") =>
        Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, pair, side, OrderKind.Market, volume));

    public static SandboxOrder Placed(SandboxResult<SandboxOrderOutcome> result)
    {
        result.Success.ShouldBeTrue(result.Detail);
        return result.Value.Order;
    }

    public decimal Balance(string account, string asset) => Exchange.Balances(account, Wallet.Spot).GetValueOrDefault(asset);

    public decimal Hold(string account, string asset) => Exchange.Holds(account, Wallet.Spot, asset);

    /// <summary>Per asset, every account's balance (system ones included) sums to zero; holds within balances; refids balanced.</summary>
    public void ShouldConserve()
    {
        var all = Exchange.AllEntries().GroupBy(e => (e.Account, e.Wallet, e.Asset)).Select(g => (g.Key, Balance: g.Last().Balance)).ToList();
        foreach (var asset in all.GroupBy(b => b.Key.Asset))
        {
            asset.Sum(b => b.Balance).ShouldBe(0m, asset.Key);
        }

        foreach (var ((account, wallet, asset), balance) in all.Where(b => !b.Key.Account.StartsWith('@')))
        {
            Exchange.Holds(account, wallet, asset).ShouldBeLessThanOrEqualTo(balance, $"{account} {asset}");
            balance.ShouldBeGreaterThanOrEqualTo(0m);
        }

        Exchange.UnbalancedMovements().ShouldBeEmpty();
        foreach (var order in Exchange.AllOrders().Where(o => o.IsOpen))
        {
            order.Hold.ShouldBeGreaterThanOrEqualTo(0m);
        }
    }

    public void Dispose() => Exchange.Dispose();
}
