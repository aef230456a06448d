using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Sandbox;
using Bulkhead.Kraken.Spot.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.Cli.Tests.Reconciliation;

/// <summary>
/// examples/fleet.toml provisioned on a real sandbox with its simulated market, then traded for real: each strategy's
/// trader key sends marketable orders (the market maker fills them at once) and the fills are journaled the way a
/// trader process does (Spot: TradesHistory; Futures: the order's fills, fees as the venue surface reads them).
/// </summary>
internal sealed class TradedFleet : IAsyncDisposable
{
    private TradedFleet(ProvisionedFleet sandbox, FleetManifest manifest)
    {
        Sandbox = sandbox;
        Manifest = manifest;
    }

    public ProvisionedFleet Sandbox { get; }

    public FleetManifest Manifest { get; }

    public Dictionary<string, string?> Variables => Sandbox.Environment();

    public string JournalFile => Path.Combine(Sandbox.Folder, "journal.db");

    public ProcessSessionOptions Options => new()
    {
        Time = TimeProvider.System,
        GetVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
    };

    public static async Task<TradedFleet> StartAsync()
    {
        var sandbox = await ProvisionedFleet.StartAsync(market: true);
        // This fleet trades in-process through the REST venues: the derivatives keys are Futures keys on REST.
        var text = (await File.ReadAllTextAsync(sandbox.Manifest))
            .Replace("role = \"trader\"\n", "role = \"trader\"\ntransport = \"rest\"\n", StringComparison.Ordinal)
            .Replace("role = \"flattener\"\n", "role = \"flattener\"\ntransport = \"rest\"\n", StringComparison.Ordinal)
            .Replace("account = \"hedge\"\nvenue = \"spot\"", "account = \"hedge\"\nvenue = \"futures\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(sandbox.Manifest, text);
        var run = await CliProcess.RunAsync(sandbox.Environment(), "sandbox", "provision", sandbox.Manifest);
        run.ExitCode.ShouldBe(0, run.Error);
        return new TradedFleet(sandbox, ManifestLoader.Load(sandbox.Manifest).GetValueOrThrow());
    }

    /// <summary>Trades in every subaccount (round trips leave some position open) and journals each fill.</summary>
    public async Task TradeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        using var journal = FillJournal.Open(Manifest.Fleet.Journal, Manifest.BaseDirectory, TimeProvider.System);
        await SpotAsync(http, journal, "mm", "XBTUSD", [(OrderSide.Buy, 0.03m), (OrderSide.Sell, 0.01m), (OrderSide.Buy, 0.005m)], ct);
        await SpotAsync(http, journal, "momo", "ETHUSD", [(OrderSide.Buy, 0.4m), (OrderSide.Sell, 0.25m)], ct);
        await FuturesAsync(http, journal, "hedge", "PF_XBTUSD", [(VenueSide.Buy, 0.3m), (VenueSide.Sell, 0.1m), (VenueSide.Sell, 0.05m)], ct);

        // Move the prices, so open positions carry unrealised P&L at the marks.
        for (var i = 0; i < 5; i++)
        {
            Sandbox.App.GetMarket()!.Tick();
        }

        Pause();
    }

    /// <summary>
    /// Lets the sandbox's (fake) clock run a minute, so each account's REST counter decays as it would between two
    /// operator commands (the exchange's counters live on its clock; this fixture's clock only moves when told).
    /// </summary>
    public void Pause() => ((FakeTimeProvider)Sandbox.App.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(1));

    public async ValueTask DisposeAsync() => await Sandbox.DisposeAsync();

    private async Task SpotAsync(HttpClient http, IFillJournal journal, string strategy, string pair, (OrderSide Side, decimal Volume)[] orders, CancellationToken ct)
    {
        var process = strategy + "-trader";
        using var session = ProcessSession.Open(Manifest, process, Options);
        var client = session.CreateSpotClient(http);
        foreach (var (side, volume) in orders)
        {
            var placed = await client.AddOrderAsync(new OrderRequest { Pair = pair, Side = side, Type = SpotOrderType.Market, Volume = volume }, ct);
            placed.Success.ShouldBeTrue(placed.ToString());
        }

        var trades = (await client.GetTradesHistoryAsync(cancellationToken: ct)).GetValueOrThrow().Items;
        trades.Count.ShouldBeGreaterThanOrEqualTo(orders.Length);
        foreach (var t in trades)
        {
            journal.RecordFill(new JournalFill(strategy, strategy, process, Venue.Spot, pair, t.Id, t.OrderId, t.Side == OrderSide.Buy ? VenueSide.Buy : VenueSide.Sell,
                t.Volume, t.Price, t.Fee, "ZUSD", t.Time));
        }
    }

    private async Task FuturesAsync(HttpClient http, IFillJournal journal, string strategy, string symbol, (VenueSide Side, decimal Size)[] orders, CancellationToken ct)
    {
        var process = strategy + "-trader";
        using var session = ProcessSession.Open(Manifest, process, Options);
        var venue = session.OpenVenue(http);
        var fills = new List<Bulkhead.Kraken.Venues.VenueFill>();
        foreach (var (side, size) in orders)
        {
            var ack = await venue.PlaceOrderAsync(new Bulkhead.Kraken.Venues.VenueOrderRequest { Symbol = symbol, Side = side, Kind = Bulkhead.Kraken.Venues.VenueOrderKind.Market, Quantity = size }, ct);
            ack.Success.ShouldBeTrue(ack.ToString());
            ack.Value!.Fills.ShouldNotBeEmpty();
            fills.AddRange(ack.Value.Fills);
        }

        // The acks carry no fee (the venue books it after): each fill's fee as the venue reads it back.
        var fees = (await venue.GetFillsAsync(Bulkhead.Kraken.Venues.VenueFillQuery.All, ct)).GetValueOrThrow().ToDictionary(f => f.FillId, f => f.Fee!.Amount);
        foreach (var f in fills)
        {
            journal.RecordFill(new JournalFill(strategy, strategy, process, Venue.Futures, symbol, f.FillId, f.OrderId, f.Side, f.Quantity, f.Price, fees[f.FillId], "USD", f.Time));
        }
    }
}
