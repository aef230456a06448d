using Bulkhead.Kraken.Limits;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Limits;

/// <summary>What a WebSocket client of one key charges: connection slots, each connection's requests, and order entry on the account's trading counter shared with REST.</summary>
public sealed class SocketRateLimitersTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRateLimitStateStore _store = new();

    [Fact]
    public void Default_TheSandboxsFigures()
    {
        SocketLimits.Default.ShouldBe(new SocketLimits(MaxConnectionsPerAddress: 150, MessageBurst: 100, MessagesPerSecond: 50));
        new AccountRateLimits("acct", SpotTier.Pro, _store, _time).Sockets("key-a").Limits.ShouldBe(SocketLimits.Default);
    }

    [Fact]
    public void TryOpen_AtTheMaximum_RefusedUntilOneCloses()
    {
        var sockets = Limiters(new SocketLimits(2, 5, 1));

        sockets.TryOpen(out var first).ShouldBeTrue();
        sockets.TryOpen(out var second).ShouldBeTrue();
        sockets.TryOpen(out var third).ShouldBeFalse();
        third.ShouldBeNull();
        sockets.OpenConnections.ShouldBe(2);

        first!.Dispose();
        first.Dispose();
        first.IsClosed.ShouldBeTrue();

        sockets.OpenConnections.ShouldBe(1);
        sockets.TryOpen(out var again).ShouldBeTrue();
        again!.IsClosed.ShouldBeFalse();
        second!.Dispose();
        again.Dispose();
        sockets.OpenConnections.ShouldBe(0);
    }

    [Fact]
    public void Connection_RequestsBeyondTheBurst_RefusedUntilTheyRefill_EachConnectionItsOwn()
    {
        var sockets = Limiters(new SocketLimits(10, 3, 2));
        sockets.TryOpen(out var one).ShouldBeTrue();
        sockets.TryOpen(out var two).ShouldBeTrue();
        using var first = one!;
        using var second = two!;

        Enumerable.Range(0, 3).All(_ => first.TryAcquire(1m).Granted).ShouldBeTrue();
        var refused = first.TryAcquire(1m);

        refused.Granted.ShouldBeFalse();
        refused.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(500));
        first.GetHeadroom().ShouldBe(new RateHeadroom("ws-messages", 3m, 3m));
        second.TryAcquire(3m).Granted.ShouldBeTrue();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        first.TryAcquire(1m).Granted.ShouldBeTrue();
        first.TryAcquire(1m).Granted.ShouldBeFalse();
    }

    [Fact]
    public void Trading_SocketOrderEntry_ChargesTheAccountsCounterRestCharges()
    {
        var account = new AccountRateLimits("acct", SpotTier.Starter, _store, _time);
        var sockets = account.Sockets("key-a");

        sockets.Trading("XBTUSD").TryAcquire(SpotTradingCosts.CancelPenalty(TimeSpan.FromSeconds(1))).Granted.ShouldBeTrue();

        account.SpotTrading("XBTUSD").GetHeadroom().Used.ShouldBe(8m);
        new AccountRateLimits("acct", SpotTier.Starter, _store, _time).Sockets("key-b").Trading("XBTUSD").GetHeadroom().Used.ShouldBe(8m);
        account.SpotRest("key-a").GetHeadroom().Used.ShouldBe(0m);
    }

    [Fact]
    public void OpenAndClose_AnySequence_CountIsOpenedLessClosedAndNeverAboveTheMaximum()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Bool.Array[1, 200]).Sample((max, opens) =>
        {
            var sockets = Limiters(new SocketLimits(max, 1, 1));
            var held = new List<SocketConnectionBudget>();
            foreach (var open in opens)
            {
                if (open)
                {
                    var granted = sockets.TryOpen(out var connection);
                    granted.ShouldBe(held.Count < max);
                    if (granted)
                    {
                        held.Add(connection!);
                    }
                }
                else if (held.Count > 0)
                {
                    held[0].Dispose();
                    held[0].Dispose();
                    held.RemoveAt(0);
                }

                sockets.OpenConnections.ShouldBe(held.Count);
                sockets.OpenConnections.ShouldBeLessThanOrEqualTo(max);
            }
        }, iter: 200);
    }

    [Fact]
    public void Construction_BadFigures_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Limiters(new SocketLimits(0, 1, 1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Limiters(new SocketLimits(1, 0, 1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Limiters(new SocketLimits(1, 1, 0)));
        Should.Throw<ArgumentException>(() => new SocketRateLimiters(" ", SocketLimits.Default, _ => throw new InvalidOperationException(), _time));
    }

    private SocketRateLimiters Limiters(SocketLimits limits) =>
        new("key-a", limits, pair => new AccountRateLimits("acct", SpotTier.Starter, _store, _time).SpotTrading(pair), _time);
}
