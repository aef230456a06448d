using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Bulkhead.Sandbox.Tests.Retention;

/// <summary>An exchange on a real SQLite file with the seeded market, stepped on a fake clock (5 s a step), reopenable.</summary>
internal sealed class RetentionRig : IDisposable
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(5);

    private RetentionRig(string folder, FakeTimeProvider time)
    {
        Folder = folder;
        Time = time;
        Open();
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; }

    public SandboxExchange Exchange { get; private set; } = null!;

    public SandboxMarket Market { get; private set; } = null!;

    public long DatabaseBytes => new[] { "sandbox.db", "sandbox.db-wal" }.Select(f => Path.Combine(Folder, f)).Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public static RetentionRig Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bulkhead-retention-" + Guid.NewGuid().ToString("N"));
        var rig = new RetentionRig(folder, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        rig.Market.Open();
        return rig;
    }

    public void Run(TimeSpan span, Action? everyStep = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += Step)
        {
            Time.Advance(Step);
            Market.Tick();
            everyStep?.Invoke();
        }
    }

    /// <summary>A user account that trades against the market: a market buy of BTC/USD.</summary>
    public void UserBuys(string account, decimal volume)
    {
        Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, "XXBTZUSD", Side.Buy, OrderKind.Market, volume)).Success.ShouldBeTrue();
    }

    public void CreateUser(string account, decimal usd)
    {
        Exchange.CreateAccount(account, null).Success.ShouldBeTrue();
        Exchange.Deposit(account, Wallet.Spot, "ZUSD", usd).Success.ShouldBeTrue();
    }

    public void Reopen()
    {
        Exchange.Dispose();
        Open();
    }

    public void Dispose()
    {
        Exchange.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private void Open()
    {
        Exchange = new SandboxExchange(new SqliteSandboxStore(Folder, syncEveryCommit: false), Time);
        Market = new SandboxMarket(Exchange, new MarketData(Exchange, Time), new MarketOptions { Enabled = true, Seed = 11, TickInterval = Step });
    }
}
