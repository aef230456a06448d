using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Margin;

/// <summary>An in-memory exchange with a fake clock and helpers for Futures scenarios.</summary>
internal sealed class FuturesWorld : IDisposable
{
    public const string Xbt = "PF_XBTUSD";
    public const string Eth = "PF_ETHUSD";

    public FuturesWorld(ISandboxStore? store = null)
    {
        Exchange = new SandboxExchange(store ?? new InMemorySandboxStore(), Time);
        Exchange.UpdateMarkPrice(Xbt, 100_000m);
        Exchange.UpdateMarkPrice(Eth, 3_000m);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SandboxExchange Exchange { get; }

    public FuturesWorld Account(string name, string? master = null, decimal usd = 0m)
    {
        Exchange.CreateAccount(name, master).Success.ShouldBeTrue();
        if (usd > 0m)
        {
            Exchange.Deposit(name, Wallet.FuturesFlex, "ZUSD", usd).Success.ShouldBeTrue();
        }

        return this;
    }

    public FuturesOrderResult Limit(string account, Side side, decimal size, decimal price, string symbol = Xbt, bool reduceOnly = false, string? clientId = null) =>
        Exchange.PlaceFuturesOrder(new FuturesOrderCommand(account, symbol, side, FuturesOrderKind.Limit, size, price, reduceOnly, clientId));

    public FuturesOrderResult Send(string account, FuturesOrderKind kind, Side side, decimal size, decimal? price = null, string symbol = Xbt, bool reduceOnly = false) =>
        Exchange.PlaceFuturesOrder(new FuturesOrderCommand(account, symbol, side, kind, size, price, reduceOnly, null));

    public decimal Usd(string account) => Exchange.Balances(account, Wallet.FuturesFlex).GetValueOrDefault("ZUSD");

    public decimal Size(string account, string symbol = Xbt) => Exchange.Positions(account).Where(p => p.Symbol == symbol).Sum(p => p.Size);

    /// <summary>Per asset, every balance of every account (system ones included) sums to zero; every refid balances; positions net to zero per instrument.</summary>
    public void ShouldConserve()
    {
        Exchange.UnbalancedMovements().ShouldBeEmpty();
        foreach (var asset in Exchange.AllEntries().GroupBy(e => e.Asset))
        {
            asset.Sum(e => e.Amount - e.Fee).ShouldBe(0m, $"asset {asset.Key}");
        }

        var holders = Exchange.AllTrades().Where(t => t.Venue == TradingVenue.Futures).Select(t => t.Account).Distinct().ToList();
        foreach (var symbol in new[] { Xbt, Eth })
        {
            holders.Sum(a => Size(a, symbol)).ShouldBe(0m, $"open interest of {symbol} nets to zero");
        }
    }

    public void Dispose() => Exchange.Dispose();
}
