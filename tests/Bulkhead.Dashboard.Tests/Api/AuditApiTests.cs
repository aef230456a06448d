using Bulkhead.EndToEnd.Tests.Fleet;
using Bulkhead.Fleet.Journal;
using Bulkhead.Kraken.Journal;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>The audit part: the manifest and the call journal, rerun in the background once the last run is 30 s old.</summary>
public sealed class AuditApiTests
{
    [Fact]
    public async Task Audit_NewCallsInTheJournal_ShowUpOnceTheLastAuditIsOlderThanTheInterval()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();
        (await Codes()).ShouldNotContain("unexpected-process");

        // Someone else uses mm-trader's key: the next audit must say so.
        using (var intruder = new CallJournalWriter(Path.Combine(fleet.Folder, "journal"), "intruder", host: "elsewhere", pid: 4242))
        {
            intruder.Record(new KrakenCallRecord(fleet.Time.GetUtcNow(), "spot", "Balance", "mm-trader", null, null, TimeSpan.FromMilliseconds(3)));
        }

        (await Codes()).ShouldNotContain("unexpected-process", "the last audit is younger than the interval");
        fleet.FakeTime!.Advance(TimeSpan.FromSeconds(31));
        await Polling.UntilAsync(async () => (await Codes()).Contains("unexpected-process"), TimeSpan.FromSeconds(20), "the rerun audit to report the intruder");
        fleet.FakeTime.Advance(TimeSpan.FromSeconds(1));
        (await Codes()).ShouldContain("unexpected-process", "a later document keeps the rerun's findings");

        async Task<List<string>> Codes() =>
            [.. (await fleet.GetJsonAsync("/api/audit"))["findings"]!.AsArray().Select(f => (string)f!["code"]!)];
    }
}
