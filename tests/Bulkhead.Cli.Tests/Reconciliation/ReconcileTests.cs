using System.Text.Json;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Sessions;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Reconciliation;

/// <summary>
/// <c>bulkhead reconcile</c> and <c>bulkhead report</c> on examples/fleet.toml against a real sandbox that really traded:
/// clean when the journal holds exactly the exchange's fills, every tampering listed, exit codes from the real CLI.
/// </summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private TradedFleet _fleet = null!;

    public async ValueTask InitializeAsync()
    {
        _fleet = await TradedFleet.StartAsync();
        await _fleet.TradeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _fleet.DisposeAsync();
    }

    [Fact]
    public async Task CleanRun_ReconcilesClean_StrategiesSumToConsolidated_AndTheReportAgrees()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await FleetReconciler.RunAsync(_fleet.Manifest, _fleet.Options, ct);

        result.Differences.ShouldBeEmpty(string.Join(Environment.NewLine, result.Differences.Select(d => d.Message)));
        result.IsClean.ShouldBeTrue();
        result.Accounts.Select(a => a.Account).ShouldBe(["desk", "mm", "momo", "hedge"]);
        result.Accounts.Single(a => a.Account == "mm").ExchangeFills.ShouldBeGreaterThanOrEqualTo(3);
        result.Accounts.Single(a => a.Account == "hedge").ExchangeFills.ShouldBeGreaterThanOrEqualTo(3);
        result.Accounts.Single(a => a.Account == "desk").ExchangePnlUsd.ShouldBe(0m);
        Math.Abs(result.StrategiesPnlUsd - result.ConsolidatedPnlUsd).ShouldBeLessThanOrEqualTo(result.AllowanceUsd);

        _fleet.Pause();
        var report = await FleetReporter.RunAsync(_fleet.Manifest, _fleet.Options, ct);
        report.Strategies.Select(s => s.Strategy).ShouldBe(["mm", "momo", "hedge"]);
        report.Strategies.Sum(s => s.PnlUsd).ShouldBe(report.Consolidated.PnlUsd);
        report.Strategies.ShouldAllBe(s => s.Fills > 0 && s.FeesUsd > 0m);
        report.Strategies.Single(s => s.Strategy == "mm").Positions.Single().Position.ShouldBe(0.025m);
        report.Strategies.Single(s => s.Strategy == "hedge").Positions.Single().Position.ShouldBe(0.15m);
        report.Accounts.Single(a => a.Account == "desk").EquityUsd.ShouldBe(100_000m);
        report.Fees.ShouldNotBeNull().Volume30d.ShouldBeGreaterThan(0m);
        var risk = report.Risk.ShouldHaveSingleItem();
        risk.Account.ShouldBe("hedge");
        risk.MaintenanceMarginUsd.ShouldBeGreaterThan(0m);
        risk.MarginLevel.ShouldNotBeNull().ShouldBeGreaterThan(1m);
        var position = risk.Positions.ShouldHaveSingleItem();
        position.Size.ShouldBe(0.15m);
        position.LiquidationPrice.ShouldBeNull(); // a 0.15 XBT long on 30 000 USD of collateral: no positive mark liquidates it

        _fleet.Pause();
        var cli = await CliProcess.RunAsync(_fleet.Variables, "reconcile", _fleet.Manifest.SourceFile);
        cli.ExitCode.ShouldBe(0, cli.Out + cli.Error);
        cli.Out.ShouldContain("reconciliation clean");
    }

    [Fact]
    public async Task TamperedJournal_ListsMissingExtraAndFeeMismatch_AndTheCliExits1()
    {
        var ct = TestContext.Current.CancellationToken;
        string deleted;
        string altered;
        using (var journal = FillJournal.Open(_fleet.Manifest.Fleet.Journal, _fleet.Manifest.BaseDirectory, TimeProvider.System))
        {
            deleted = journal.Fills("momo")[0].FillId;
            altered = journal.Fills("hedge")[0].FillId;
            journal.RecordFill(journal.Fills("mm")[0] with { FillId = "FAKE-FILL-1" }).ShouldBeTrue();
        }

        Execute($"DELETE FROM journal_fills WHERE account = 'momo' AND fill_id = '{deleted}'");
        Execute($"UPDATE journal_fills SET fee = '0.4242' WHERE account = 'hedge' AND fill_id = '{altered}'");

        var result = await FleetReconciler.RunAsync(_fleet.Manifest, _fleet.Options, ct);

        result.IsClean.ShouldBeFalse();
        var fills = result.Differences.Where(d => d.Kind is DifferenceKind.Missing or DifferenceKind.Extra or DifferenceKind.Mismatch).ToList();
        fills.Select(d => (d.Account, d.Kind, d.FillId, d.Field)).ShouldBe(
            [("mm", DifferenceKind.Extra, "FAKE-FILL-1", null), ("momo", DifferenceKind.Missing, deleted, null), ("hedge", DifferenceKind.Mismatch, altered, "fee")],
            ignoreOrder: true);
        fills.Single(d => d.Kind == DifferenceKind.Mismatch).Journal.ShouldBe("0.4242");
        result.Differences.Where(d => d.Kind == DifferenceKind.Pnl).Select(d => d.Account).ShouldBe(["mm", "momo", "hedge"], ignoreOrder: true);

        _fleet.Pause();
        var cli = await CliProcess.RunAsync(_fleet.Variables, "reconcile", _fleet.Manifest.SourceFile);
        cli.ExitCode.ShouldBe(1, cli.Error);
        cli.Out.ShouldContain("extra: mm: the journal has fill FAKE-FILL-1");
        cli.Out.ShouldContain($"missing: momo: the exchange has fill {deleted}");
        cli.Out.ShouldContain($"mismatch: hedge: fill {altered} fee is 0.4242 in the journal");

        _fleet.Pause();
        var json = await CliProcess.RunAsync(_fleet.Variables, "reconcile", _fleet.Manifest.SourceFile, "--json");
        json.ExitCode.ShouldBe(1, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("isClean").GetBoolean().ShouldBeFalse();
        document.RootElement.GetProperty("differences").GetArrayLength().ShouldBe(result.Differences.Count);
    }

    [Fact]
    public async Task Report_JsonAndPlot_WritesAValidPng_AndAHeldReconcilerKeyExits3()
    {
        using (var journal = FillJournal.Open(_fleet.Manifest.Fleet.Journal, _fleet.Manifest.BaseDirectory, TimeProvider.System))
        {
            var t0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 30; i++)
            {
                journal.RecordEquity(new EquityPoint("mm", "mm", t0.AddSeconds(2 * i), 50_000m + i, i * 0.5m, (i % 7) - 3m, i * 0.01m));
                journal.RecordEquity(new EquityPoint("hedge", "hedge", t0.AddSeconds(2 * i), 30_000m - i, -i * 0.25m, (i % 5) - 2m, i * 0.02m));
            }
        }

        var png = Path.Combine(_fleet.Sandbox.Folder, "plots", "equity.png");
        var run = await CliProcess.RunAsync(_fleet.Variables, "report", "pnl", _fleet.Manifest.SourceFile, "--json", "--plot", png);

        run.ExitCode.ShouldBe(0, run.Error);
        using (var document = JsonDocument.Parse(run.Out))
        {
            document.RootElement.GetProperty("strategies").GetArrayLength().ShouldBe(3);
            document.RootElement.GetProperty("consolidated").GetProperty("pnlUsd").GetDecimal()
                .ShouldBe(document.RootElement.GetProperty("strategies").EnumerateArray().Sum(s => s.GetProperty("pnlUsd").GetDecimal()));
        }

        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).ShouldBe(EquityPlot.DefaultWidth);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)).ShouldBe(EquityPlot.DefaultHeight);
        bytes.AsSpan(bytes.Length - 8, 4).ToArray().ShouldBe("IEND"u8.ToArray());

        foreach (var view in new[] { "balances", "fees", "risk" })
        {
            _fleet.Pause();
            var text = await CliProcess.RunAsync(_fleet.Variables, "report", view, _fleet.Manifest.SourceFile);
            text.ExitCode.ShouldBe(0, text.Error);
        }

        using var held = ProcessSession.Open(_fleet.Manifest, "hedge-reconciler", _fleet.Options);
        _fleet.Pause();
        var blocked = await CliProcess.RunAsync(_fleet.Variables, "reconcile", _fleet.Manifest.SourceFile);
        blocked.ExitCode.ShouldBe(3, blocked.Out + blocked.Error);
        blocked.Error.ShouldContain("hedge-reconciler");
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_fleet.JournalFile}");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test-only SQL over ids the test read itself
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery().ShouldBe(1);
    }
}
