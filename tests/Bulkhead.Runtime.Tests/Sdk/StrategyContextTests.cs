using System.Collections.Immutable;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;
using Bulkhead.Runtime.Worker;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Sdk;

/// <summary>The context's order path with an in-test venue and a real SQLite journal: risk first, journal around the call.</summary>
public sealed class StrategyContextTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-ctx-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingVenue _venue = new();
    private readonly IFillJournal _journal;
    private readonly StrategyContext _context;

    public StrategyContextTests()
    {
        Directory.CreateDirectory(_folder);
        _journal = FillJournal.Open("sqlite:journal.db", _folder, _time);
        var location = new SourceLocation("fleet.toml", 1, 1);
        var strategy = new Strategy("mm", "mm", "spot-market-maker", ["XBTUSD"], ImmutableSortedDictionary<string, string>.Empty, location);
        var subaccount = new Subaccount("mm", Venue.Spot, null, true, new RiskLimits(0.05m, null, null), location);
        _context = new StrategyContext(strategy, subaccount, "mm-trader", _venue, _journal, _time);
    }

    [Fact]
    public async Task BreachingOrder_IsNeitherSentNorJournaled_AndHaltsWithRiskExitCode()
    {
        var halt = await Should.ThrowAsync<WorkerHaltException>(() => _context.PlaceOrderAsync(Order(0.1m), TestContext.Current.CancellationToken));

        halt.ExitCode.ShouldBe(WorkerExitCodes.HaltedRisk);
        halt.Message.ShouldStartWith("risk: buy 0.1 XBTUSD");
        _venue.Placed.ShouldBeEmpty();
        _journal.Orders("mm").ShouldBeEmpty();
    }

    [Fact]
    public async Task AcceptedOrder_JournaledSentThenOpen_AndTracked()
    {
        var placed = await _context.PlaceOrderAsync(Order(0.01m), TestContext.Current.CancellationToken);

        placed.Success.ShouldBeTrue();
        _venue.Placed.Single().ClientOrderId.ShouldNotBeNull();
        var order = _journal.Orders("mm").Single();
        order.State.ShouldBe(JournalOrderState.Open);
        order.OrderId.ShouldBe("O-1");
        _context.OpenOrders.Single().Remaining.ShouldBe(0.01m);
        _context.OrdersSent.ShouldBe(1);
    }

    [Fact]
    public async Task RefusedOrder_JournaledRejected_ReturnedAsFailure()
    {
        _venue.Refusal = new KrakenError("EOrder:Insufficient funds", KrakenErrorCategory.Funds, KrakenErrorOrigin.Exchange, "EOrder:Insufficient funds");

        var placed = await _context.PlaceOrderAsync(Order(0.01m), TestContext.Current.CancellationToken);

        placed.Success.ShouldBeFalse();
        _journal.Orders("mm").Single().State.ShouldBe(JournalOrderState.Rejected);
        _context.OpenOrders.ShouldBeEmpty();
    }

    [Fact]
    public async Task LockoutAnswer_HaltsWithAuthExitCode()
    {
        _venue.Refusal = new KrakenError("EGeneral:Temporary lockout", KrakenErrorCategory.Lockout, KrakenErrorOrigin.Exchange, "EGeneral:Temporary lockout");

        var halt = await Should.ThrowAsync<WorkerHaltException>(() => _context.PlaceOrderAsync(Order(0.01m), TestContext.Current.CancellationToken));

        halt.ExitCode.ShouldBe(WorkerExitCodes.HaltedAuth);
        halt.Message.ShouldStartWith("auth: EGeneral:Temporary lockout");
    }

    public void Dispose()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static VenueOrderRequest Order(decimal quantity) =>
        new() { Symbol = "XBTUSD", Side = OrderSide.Buy, Kind = VenueOrderKind.PostOnly, Quantity = quantity, LimitPrice = 90_000m };

    /// <summary>A venue that accepts (or refuses) every order and records it.</summary>
    private sealed class RecordingVenue : ITradingVenue
    {
        public List<VenueOrderRequest> Placed { get; } = [];

        public KrakenError? Refusal { get; set; }

        public Venue Venue => Venue.Spot;

        public Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken) => Task.FromResult(KrakenResult<decimal>.Ok(0.1m));

        public Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken) =>
            Task.FromResult(KrakenResult<MarketQuote>.Ok(new MarketQuote(symbol, 89_990m, 90_010m, 90_000m, 90_000m, DateTimeOffset.UnixEpoch)));

        public Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken)
        {
            if (Refusal is { } refusal)
            {
                return Task.FromResult(KrakenResult<VenueOrderAck>.Fail(refusal));
            }

            Placed.Add(request);
            return Task.FromResult(KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck($"O-{Placed.Count}", request.ClientOrderId!, VenueOrderStatus.Placed, [])));
        }

        public Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken) => Task.FromResult(KrakenResult<int>.Ok(1));

        public Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken) => Task.FromResult(KrakenResult<int>.Ok(0));

        public Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(KrakenResult<DeadMansSwitchState>.Ok(new DeadMansSwitchState(DateTimeOffset.UnixEpoch, null)));

        public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
            Task.FromResult(KrakenResult<IReadOnlyList<VenueOpenOrder>>.Ok([]));

        public Task<KrakenResult<IReadOnlyList<VenueFill>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken) =>
            Task.FromResult(KrakenResult<IReadOnlyList<VenueFill>>.Ok([]));

        public Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken) =>
            Task.FromResult(KrakenResult<AccountView>.Ok(new AccountView(0m, new Dictionary<string, string>())));
    }
}
