using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Trading;

public sealed class TradingPersistenceTests
{
    [Fact]
    public void Reopen_OrdersHoldsTradesAndBookSurvive()
    {
        using var folder = new TempFolder();
        IReadOnlyList<string> before;
        string restingId;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using (var f = new TradingFixture(new SqliteSandboxStore(folder.Path)))
        {
            f.Fund("mm", "ZUSD", 10_000m);
            f.Fund("other", "XXBT", 1m);
            restingId = TradingFixture.Placed(f.Limit("mm", Side.Buy, 0.1m, 50_000m)).Id;
            TradingFixture.Placed(f.Limit("mm", Side.Buy, 0.1m, 49_000m));
            TradingFixture.Placed(f.Market("other", Side.Sell, 0.04m));
            before = ExchangeState.Of(f.Exchange);
            f.Hold("mm", "ZUSD").ShouldBeGreaterThan(0m);
        }

        using var reopened = new SandboxExchange(new SqliteSandboxStore(folder.Path), time);
        ExchangeState.Of(reopened).ShouldBe(before);
        reopened.Holds("mm", Wallet.Spot, "ZUSD").ShouldBe(5_020m - 2_005m + 4_919.6m);
        reopened.BestPrices(TradingVenue.Spot, "XXBTZUSD").Bid.ShouldBe(50_000m);
        reopened.Depth(TradingVenue.Spot, "XXBTZUSD", 10).Bids.Sum(l => l.Quantity).ShouldBe(0.06m + 0.1m);

        // The rebuilt book matches: the rest of the first bid fills first (time priority survived).
        reopened.Deposit("other", Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        var sell = reopened.PlaceOrder(new SandboxOrderRequest("other", TradingVenue.Spot, "XXBTZUSD", Side.Sell, OrderKind.Market, 0.06m));
        sell.Value!.Trades.ShouldHaveSingleItem().Price.ShouldBe(50_000m);
        reopened.FindOrder("mm", restingId)!.Status.ShouldBe(SandboxOrderStatus.Closed);
    }

    [Fact]
    public void CommitFails_MemoryAndBookStayAsCommitted()
    {
        var failing = new FailingStore(new InMemorySandboxStore());
        using var f = new TradingFixture(failing);
        f.Fund("mm", "ZUSD", 10_000m);
        f.Fund("other", "XXBT", 1m);
        TradingFixture.Placed(f.Limit("mm", Side.Buy, 0.1m, 50_000m));
        var before = ExchangeState.Of(f.Exchange);

        failing.FailNext = true;
        Should.Throw<IOException>(() => f.Market("other", Side.Sell, 0.05m));

        ExchangeState.Of(f.Exchange).ShouldBe(before);
        f.Exchange.Depth(TradingVenue.Spot, "XXBTZUSD", 5).Bids.ShouldHaveSingleItem().Quantity.ShouldBe(0.1m);
        var retry = f.Market("other", Side.Sell, 0.05m);
        retry.Value!.Trades.ShouldHaveSingleItem().Volume.ShouldBe(0.05m);
        f.ShouldConserve();
    }

    [Fact]
    public void VersionOneFolder_MigratesOnOpen()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using (var exchange = new SandboxExchange(new SqliteSandboxStore(folder.Path), time))
        {
            exchange.CreateAccount("desk", null);
            exchange.Deposit("desk", Wallet.Spot, "ZUSD", 100m);
        }

        // Make it a version-1 database: no trading tables, version 1.
        using (var connection = new SqliteConnection("Data Source=" + Path.Combine(folder.Path, SqliteSandboxStore.FileName) + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE trades; DROP TABLE orders; DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (1);";
            command.ExecuteNonQuery();
        }

        using var reopened = new SandboxExchange(new SqliteSandboxStore(folder.Path), time);
        reopened.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(100m);
        var placed = reopened.PlaceOrder(new SandboxOrderRequest("desk", TradingVenue.Spot, "XBTUSD", Side.Buy, OrderKind.Limit, 0.001m, 10_000m));
        placed.Success.ShouldBeTrue(placed.Detail);
    }

    [Fact]
    public void Gtd_ExpiresWhenTheClockPasses()
    {
        using var f = new TradingFixture();
        f.Fund("mm", "ZUSD", 10_000m);
        var order = TradingFixture.Placed(f.Exchange.PlaceOrder(new SandboxOrderRequest("mm", TradingVenue.Spot, "XBTUSD", Side.Buy, OrderKind.Limit, 0.1m, 50_000m, ExpiresAt: f.Time.GetUtcNow().AddSeconds(30))));

        f.Time.Advance(TimeSpan.FromSeconds(29));
        f.Exchange.FindOrder("mm", order.Id)!.IsOpen.ShouldBeTrue();
        f.Time.Advance(TimeSpan.FromSeconds(2));

        var expired = f.Exchange.FindOrder("mm", order.Id)!;
        (expired.Status, expired.Reason).ShouldBe((SandboxOrderStatus.Expired, CancelReasons.Expired));
        f.Hold("mm", "ZUSD").ShouldBe(0m);
    }

    [Fact]
    public void DeadMansSwitch_FiresOnTheTimerAndOnlyForItsAccount()
    {
        using var f = new TradingFixture();
        f.Fund("mm", "ZUSD", 10_000m);
        f.Fund("dir", "ZUSD", 10_000m);
        TradingFixture.Placed(f.Limit("mm", Side.Buy, 0.1m, 50_000m));
        TradingFixture.Placed(f.Limit("dir", Side.Buy, 0.1m, 50_000m));
        f.Exchange.SetDeadMansSwitch("mm", TradingVenue.Spot, TimeSpan.FromSeconds(10)).Success.ShouldBeTrue();

        f.Time.Advance(TimeSpan.FromSeconds(5));
        f.Exchange.SetDeadMansSwitch("mm", TradingVenue.Spot, TimeSpan.FromSeconds(10)).Success.ShouldBeTrue(); // re-armed
        f.Time.Advance(TimeSpan.FromSeconds(9));
        f.Exchange.OpenOrders("mm").Count.ShouldBe(1);
        f.Time.Advance(TimeSpan.FromSeconds(2));

        f.Exchange.OpenOrders("mm").ShouldBeEmpty();
        f.Exchange.OpenOrders("dir").Count.ShouldBe(1);
        f.Exchange.DeadMansSwitch("mm", TradingVenue.Spot).ShouldBeNull();
    }
}
