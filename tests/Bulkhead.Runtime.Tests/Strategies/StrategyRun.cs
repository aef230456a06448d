using System.Collections.Immutable;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Runtime.Tests.Strategies;

/// <summary>
/// One example strategy driven as the worker's host drives it (quote → <see cref="IStrategy.OnMarketAsync"/>, fills →
/// journal → <see cref="IStrategy.OnFillAsync"/>, open orders, timer), through its public SDK surface: a real
/// <see cref="StrategyContext"/> over a real SQLite journal, a <see cref="FakeTimeProvider"/> advanced one second per
/// step, and a <see cref="ScriptedVenue"/> whose quotes the test writes.
/// </summary>
internal sealed class StrategyRun : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-strategy-" + Guid.NewGuid().ToString("N"));
    private readonly IFillJournal _journal;
    private readonly IStrategy _strategy;

    public StrategyRun(IStrategy strategy, string kind, string symbol, Venue venue, VenueFees fees, IReadOnlyDictionary<string, string> parameters, RiskLimits? risk = null, bool feeVenue = true)
    {
        Directory.CreateDirectory(_folder);
        _strategy = strategy;
        Symbol = symbol;
        _journal = FillJournal.Open("sqlite:journal.db", _folder, Time);
        Venue = new ScriptedVenue(venue, fees);
        var location = new SourceLocation("fleet.toml", 1, 1);
        var definition = new Strategy("s", "s", kind, [symbol], parameters.ToImmutableSortedDictionary(StringComparer.Ordinal), location);
        var subaccount = new Subaccount("s", venue, null, true, risk, location);
        Context = new StrategyContext(definition, subaccount, "s-trader", Venue, _journal, Time, log: Log.Add, fees: feeVenue ? Venue : null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public ScriptedVenue Venue { get; }

    public StrategyContext Context { get; }

    public string Symbol { get; }

    public List<string> Log { get; } = [];

    public async Task StartAsync()
    {
        var token = Xunit.TestContext.Current.CancellationToken;
        await Context.LoadTickSizesAsync(token);
        await _strategy.StartAsync(Context, token);
    }

    /// <summary>One second later the market quotes <paramref name="bid"/>/<paramref name="ask"/>; the strategy reacts.</summary>
    public async Task StepAsync(decimal bid, decimal ask)
    {
        var token = Xunit.TestContext.Current.CancellationToken;
        Time.Advance(TimeSpan.FromSeconds(1));
        var quote = new MarketQuote(Symbol, bid, ask, (bid + ask) / 2m, (bid + ask) / 2m, Time.GetUtcNow());
        Venue.Move(quote);
        Context.UpdateQuote(quote);
        await _strategy.OnMarketAsync(quote, token);
        var fills = await Context.PollFillsAsync(everything: false, token);
        foreach (var fill in fills.Success ? fills.Value : [])
        {
            await _strategy.OnFillAsync(fill, token);
        }

        await Context.SyncOpenOrdersAsync(token);
        await _strategy.OnTimerAsync(token);
    }

    /// <summary>A step at <paramref name="mid"/> with a market spread of <paramref name="spreadBps"/>, on the 0.1 tick.</summary>
    public Task StepAtAsync(decimal mid, decimal spreadBps = 10m)
    {
        var half = Math.Max(0.1m, decimal.Round(mid * spreadBps / 20_000m, 1, MidpointRounding.AwayFromZero));
        var centre = decimal.Round(mid, 1, MidpointRounding.AwayFromZero);
        return StepAsync(centre - half, centre + half);
    }

    public void Dispose()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
