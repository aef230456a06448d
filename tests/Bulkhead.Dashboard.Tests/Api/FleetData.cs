using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Treasury;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>What the fleet's processes would have journaled: fills, equity points, snapshots and a treasury operation.</summary>
internal static class FleetData
{
    public static readonly DateTimeOffset T0 = DashboardFixture.Start.AddMinutes(-10);

    /// <summary>Writes the data into the fixture's real SQLite files.</summary>
    public static void Seed(DashboardFixture fleet)
    {
        using (var journal = fleet.OpenJournal())
        {
            journal.RecordFill(new JournalFill("mm", "mm", "mm-trader", Venue.Spot, "XBTUSD", "T-1", "O-1", OrderSide.Buy, 0.1m, 90_000m, 3.6m, "ZUSD", T0));
            journal.RecordFill(new JournalFill("mm", "mm", "mm-trader", Venue.Spot, "XBTUSD", "T-2", "O-2", OrderSide.Sell, 0.05m, 91_000m, 1.82m, "ZUSD", T0.AddMinutes(1)));
            journal.RecordFill(new JournalFill("hedge", "hedge", "hedge-trader", Venue.Futures, "PF_XBTUSD", "F-1", "O-3", OrderSide.Sell, 0.4m, 90_000m, 1m, "USD", T0.AddMinutes(1)));
            journal.RecordEquity(new EquityPoint("mm", "mm", T0.AddMinutes(1), 100_020m, 0m, 5m, 3.6m));
            journal.RecordEquity(new EquityPoint("mm", "mm", T0.AddMinutes(2), 100_050m, 50m, 25m, 5.42m));
            journal.RecordEquity(new EquityPoint("hedge", "hedge", T0.AddMinutes(2), 30_237.10m, 0m, -4m, 1m));
            journal.RecordSnapshot(new JournalSnapshot("desk", "balances", "dashboard", T0.AddMinutes(3), """{"ZUSD":"100000.0000"}"""));
            journal.RecordSnapshot(new JournalSnapshot("desk", "volume", "dashboard", T0.AddMinutes(3), """{"currency":"ZUSD","volume":"61234.50"}"""));
            journal.RecordSnapshot(new JournalSnapshot("mm", "balances", "mm-trader", T0.AddMinutes(3), """{"ZUSD":"40000.0000","XXBT":"0.5500000000"}"""));
            journal.RecordSnapshot(new JournalSnapshot("hedge", "balances", "hedge-trader", T0.AddMinutes(3), """[{"wallet":"flex","currency":"usd","quantity":30000.5,"available":29000}]"""));
            journal.RecordSnapshot(new JournalSnapshot("hedge", "margin", "hedge-trader", T0.AddMinutes(3), """[{"wallet":"flex","currency":"USD","portfolioValue":30241.10,"availableMargin":27000,"initialMargin":2401,"maintenanceMargin":1200.5}]"""));
        }

        using var treasury = TreasuryJournal.Open(fleet.Manifest.Fleet.Coordination, fleet.Time, fleet.Manifest.BaseDirectory);
        treasury.Create(new TreasuryOperation(
            "tr-20261126-135000-abc123",
            new TreasuryRequest(TreasuryOperationKind.Sweep, "sandbox", "mm", "desk", "ZUSD", null, 40_000m),
            T0,
            [new TreasuryStep(1, TreasuryStepKind.SpotTransfer, "mm", "desk", "ZUSD", 8_612.3377m)]));
        treasury.MarkPending("tr-20261126-135000-abc123", 1, T0.AddSeconds(1), new TreasuryCursor(TreasuryCursor.SpotLedger, T0, []));
        treasury.MarkDone("tr-20261126-135000-abc123", 1, "TRF3KQ-7XHZT-4M2PAV", "L4UESK-KG3EQ-UFO4T5", recognised: false, T0.AddSeconds(2));
    }

    /// <summary>Parses a decimal the API wrote as a string.</summary>
    public static decimal Dec(System.Text.Json.Nodes.JsonNode? node) =>
        decimal.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);
}
