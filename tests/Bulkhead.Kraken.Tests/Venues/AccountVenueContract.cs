using Bulkhead.Kraken.Venues;
using Bulkhead.Testing.Venues;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Venues;

/// <summary>
/// What every <see cref="IAccountVenue"/> transport does, run against each on a real sandbox: a maker rests an order, the
/// taker takes it at market, and the taker's account is read back through the venue surface only.
/// </summary>
public abstract class AccountVenueContract : IAsyncLifetime
{
    private VenueSandbox? _sandbox;

    /// <summary>The instrument traded, as the venue names it.</summary>
    protected abstract string Symbol { get; }

    /// <summary>The maker's limit price.</summary>
    protected abstract decimal Price { get; }

    /// <summary>The quantity traded.</summary>
    protected abstract decimal Quantity { get; }

    /// <summary>Whether the account has a margin wallet (Futures) or holds assets outright (Spot).</summary>
    protected abstract bool HasMarginWallet { get; }

    private protected VenueSandbox Sandbox => _sandbox!;

    protected IAccountVenue Maker { get; private set; } = null!;

    protected IAccountVenue Taker { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await VenueSandbox.StartAsync();
        (Maker, Taker) = Open(_sandbox);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task GetFills_AfterATrade_ListsItOnceWithItsFee_AndLeavesOutWhatIsKnownOrOlder()
    {
        var fill = await TradeAsync();

        fill.Symbol.ShouldBe(Symbol);
        (fill.Side, fill.Quantity, fill.Price).ShouldBe((OrderSide.Buy, Quantity, Price));
        fill.Fee.ShouldNotBeNull();
        fill.Fee.Amount.ShouldBeGreaterThan(0m, "a taker pays a fee");
        (await Taker.GetFillsAsync(new VenueFillQuery { IsKnown = id => id == fill.FillId, StopAtKnownPage = true }, Ct)).GetValueOrThrow().ShouldBeEmpty();
        (await Taker.GetFillsAsync(new VenueFillQuery { Since = fill.Time.AddMilliseconds(1) }, Ct)).GetValueOrThrow().ShouldBeEmpty();
        (await Taker.GetFillsAsync(new VenueFillQuery { Since = fill.Time }, Ct)).GetValueOrThrow().ShouldHaveSingleItem().FillId.ShouldBe(fill.FillId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1500)]
    public async Task GetLedger_FromACursor_ReturnsOnlyWhatWasBookedAfterIt(int millisecondsBeforeTrade)
    {
        var funding = (await Taker.GetLedgerAsync(null, Ct)).GetValueOrThrow();
        funding.Entries.ShouldNotBeEmpty();
        funding.Entries.ShouldAllBe(e => e.Kind == VenueLedgerKind.Deposit || e.Kind == VenueLedgerKind.Transfer);
        (await Taker.GetLedgerEndAsync(Ct)).GetValueOrThrow().ShouldBe(funding.Cursor);
        Sandbox.Time.Advance(TimeSpan.FromMilliseconds(millisecondsBeforeTrade));

        var fill = await TradeAsync();
        var after = (await Taker.GetLedgerAsync(funding.Cursor, Ct)).GetValueOrThrow();

        after.Entries.ShouldNotBeEmpty();
        after.Entries.Select(e => e.EntryId).Intersect(funding.Entries.Select(e => e.EntryId)).ShouldBeEmpty();
        after.Entries.ShouldAllBe(e => e.Kind == VenueLedgerKind.Trade && e.FillId == fill.FillId);
        after.Entries.Where(e => e.Currency == fill.Fee!.Currency).Sum(e => e.Fee).ShouldBe(fill.Fee!.Amount);
        (await Taker.GetLedgerAsync(after.Cursor, Ct)).GetValueOrThrow().Entries.ShouldBeEmpty();
        (await Taker.GetLedgerEndAsync(Ct)).GetValueOrThrow().ShouldBe(after.Cursor);
    }

    [Fact]
    public async Task InstrumentsAndTickers_NameTheSymbolAsTheFillsDo()
    {
        (await Maker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Sell, Kind = VenueOrderKind.Limit, Quantity = Quantity, LimitPrice = Price }, Ct)).GetValueOrThrow();

        var instrument = (await Taker.GetInstrumentsAsync(Ct)).GetValueOrThrow().Single(i => i.Symbol == Symbol);
        instrument.TickSize.ShouldNotBeNull();
        instrument.Tradable.ShouldBeTrue();
        var ticker = (await Taker.GetTickersAsync([Symbol, "NOSUCHPAIR"], Ct)).GetValueOrThrow().ShouldHaveSingleItem();
        (ticker.Symbol, ticker.Ask).ShouldBe((Symbol, Price));
    }

    [Fact]
    public async Task BalancesOpenOrdersAndCancelAll_ThroughTheSurface()
    {
        var balances = (await Taker.GetBalancesAsync(Ct)).GetValueOrThrow();
        balances.Balances.ShouldContain(b => b.Quantity > 0m);
        (balances.Margin is not null).ShouldBe(HasMarginWallet);
        (await Maker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Sell, Kind = VenueOrderKind.Limit, Quantity = Quantity, LimitPrice = Price, ClientOrderId = "ask-1" }, Ct)).GetValueOrThrow();

        var open = (await Maker.GetOpenOrdersAsync(Ct)).GetValueOrThrow().ShouldHaveSingleItem();
        (open.Symbol, open.Side, open.Quantity, open.LimitPrice, open.ClientOrderId).ShouldBe((Symbol, OrderSide.Sell, Quantity, Price, "ask-1"));
        (await Maker.CancelAllAsync(Symbol, Ct)).GetValueOrThrow().Count.ShouldBe(1);
        (await Maker.GetOpenOrdersAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();
    }

    /// <summary>Opens the maker's and the taker's accounts, funded.</summary>
    private protected abstract (IAccountVenue Maker, IAccountVenue Taker) Open(VenueSandbox sandbox);

    /// <summary>The maker rests a sell, the taker buys it at market; the taker's one fill.</summary>
    private async Task<VenueFill> TradeAsync()
    {
        (await Maker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Sell, Kind = VenueOrderKind.Limit, Quantity = Quantity, LimitPrice = Price }, Ct)).GetValueOrThrow();
        (await Taker.PlaceOrderAsync(new VenueOrderRequest { Symbol = Symbol, Side = OrderSide.Buy, Kind = VenueOrderKind.Market, Quantity = Quantity }, Ct)).GetValueOrThrow();
        return (await Taker.GetFillsAsync(VenueFillQuery.All, Ct)).GetValueOrThrow().ShouldHaveSingleItem();
    }
}
