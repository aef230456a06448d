using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Journal;
using Bulkhead.Fleet.Tests.Secrets;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Journal;

/// <summary>The JSON-lines writer: files per day and process, lines MANIFEST's reader understands, torn lines tolerated.</summary>
public sealed class CallJournalWriterTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 26, 23, 59, 0, TimeSpan.Zero);
    private readonly SecretsTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Record_ThenRead_RoundTripsThroughTheAuditReader()
    {
        using (var writer = new CallJournalWriter(_folder.Path, "mm-trader", host: "box1", pid: 4242))
        {
            writer.Record(new KrakenCallRecord(Day1, "spot", "Balance", "mm-trader", null, null, TimeSpan.FromMilliseconds(12.5)));
            writer.Record(new KrakenCallRecord(Day1.AddSeconds(1), "spot", "AddOrder", "mm-trader", "EGeneral:Permission denied", KrakenErrorOrigin.Exchange, TimeSpan.FromMilliseconds(3)));
        }

        var (records, problems) = CallJournal.Read(_folder.Path);

        problems.ShouldBeEmpty();
        records.Length.ShouldBe(2);
        records[0].ShouldBe(new CallRecord(Day1, "spot", "Balance", "mm-trader", "mm-trader", "box1", "ok"));
        records[1].Outcome.ShouldBe("EGeneral:Permission denied");
    }

    [Fact]
    public void Format_IsOneJsonLineWithTheAgreedFields()
    {
        using var writer = new CallJournalWriter(_folder.Path, "mm-trader", host: "box1", pid: 7);

        var line = writer.Format(new KrakenCallRecord(Day1, "futures", "GET openpositions", "hedge", "Bulkhead:RateBudget", KrakenErrorOrigin.Local, TimeSpan.FromMilliseconds(1.25)));

        line.ShouldBe("""{"time":"2026-11-26T23:59:00.0000000+00:00","venue":"futures","endpoint":"GET openpositions","key":"hedge","process":"mm-trader","host":"box1","pid":7,"outcome":"Bulkhead:RateBudget","origin":"local","durationMs":1.25}""" + "\n");
    }

    [Fact]
    public void Record_NewUtcDay_NewFile_OnePerProcess()
    {
        using (var a = new CallJournalWriter(_folder.Path, "mm-trader", "box1", 1))
        using (var b = new CallJournalWriter(_folder.Path, "dashboard", "box1", 2))
        {
            a.Record(new KrakenCallRecord(Day1, "spot", "Balance", "mm-trader", null, null, TimeSpan.Zero));
            a.Record(new KrakenCallRecord(Day1.AddMinutes(2), "spot", "Balance", "mm-trader", null, null, TimeSpan.Zero));
            b.Record(new KrakenCallRecord(Day1, "spot", "Balance", "dashboard", null, null, TimeSpan.Zero));
        }

        Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "calls-2026-11-26.dashboard.2.jsonl",
            "calls-2026-11-26.mm-trader.1.jsonl",
            "calls-2026-11-27.mm-trader.1.jsonl",
        ]);
    }

    [Fact]
    public void Read_FromADay_SkipsTheFilesOfEarlierDays()
    {
        using (var writer = new CallJournalWriter(_folder.Path, "mm-trader", "box1", 1))
        {
            writer.Record(new KrakenCallRecord(Day1, "spot", "Balance", "mm-trader", null, null, TimeSpan.Zero));
            writer.Record(new KrakenCallRecord(Day1.AddMinutes(2), "spot", "AddOrder", "mm-trader", null, null, TimeSpan.Zero));
        }

        CallJournal.Read(_folder.Path).Records.Length.ShouldBe(2);
        CallJournal.Read(_folder.Path, new DateOnly(2026, 11, 27)).Records.ShouldHaveSingleItem().Endpoint.ShouldBe("AddOrder");
        CallJournal.Read(_folder.Path, new DateOnly(2026, 11, 26)).Records.Length.ShouldBe(2);
    }

    [Fact]
    public void Read_TornLastLineOfKilledProcess_ReportedNotFatal()
    {
        using (var writer = new CallJournalWriter(_folder.Path, "mm-trader", "box1", 1))
        {
            writer.Record(new KrakenCallRecord(Day1, "spot", "Balance", "mm-trader", null, null, TimeSpan.Zero));
        }

        File.AppendAllText(Path.Combine(_folder.Path, "calls-2026-11-26.mm-trader.1.jsonl"), """{"time":"2026-11-26T23:59:01Z","venue":"sp""");

        var (records, problems) = CallJournal.Read(_folder.Path);

        records.Length.ShouldBe(1);
        problems.Length.ShouldBe(1);
    }

    [Fact]
    public void Record_FolderUnwritable_CountsAndLogsNeverThrows()
    {
        var blocker = Path.Combine(_folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "x");
        var logger = new FakeLogger<CallJournalWriter>();
        using var writer = new CallJournalWriter(blocker, "mm-trader", "box1", 1, logger);

        writer.Record(new KrakenCallRecord(Day1, "spot", "Balance", "mm-trader", null, null, TimeSpan.Zero));

        writer.Failures.ShouldBe(1);
        logger.Collector.LatestRecord.Level.ShouldBe(LogLevel.Error);
        logger.Collector.LatestRecord.Id.Id.ShouldBe(7301);
    }
}
