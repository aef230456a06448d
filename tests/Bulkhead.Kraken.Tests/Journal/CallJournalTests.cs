using System.Collections.Concurrent;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Tests.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Testing.FakeKraken;
using Bulkhead.Testing.Nonces;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Journal;

/// <summary>The private call pipeline records one journal entry per signed attempt, with the key's name and never its credentials.</summary>
public sealed class CallJournalTests
{
    [Fact]
    public async Task SignedCall_Succeeds_RecordsOneOkEntryWithKeyName()
    {
        var journal = new ListJournal();
        await using var harness = await SpotHarness.StartAsync(configure: o => o.CallJournal = journal);
        harness.Server.SetResult("Balance", """{"ZUSD":"1.0000"}""");
        var client = NamedClient(harness, "mm-trader");

        (await client.GetBalancesAsync(TestContext.Current.CancellationToken)).Success.ShouldBeTrue();

        var record = journal.Records.ShouldHaveSingleItem();
        record.Venue.ShouldBe("spot");
        record.Endpoint.ShouldBe("Balance");
        record.KeyName.ShouldBe("mm-trader");
        record.Succeeded.ShouldBeTrue();
        record.ErrorCode.ShouldBeNull();
        record.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
    }

    [Fact]
    public async Task SignedCall_RetriedAfterTransientFailure_RecordsEachAttempt()
    {
        var journal = new ListJournal();
        await using var harness = await SpotHarness.StartAsync(configure: o => (o.CallJournal, o.MaxRetries) = (journal, 1));
        harness.Server.SetResult("Balance", """{"ZUSD":"1.0000"}""");
        harness.Server.InjectFault("Balance", FakeSpotFault.BadGatewayHtml);
        var client = NamedClient(harness, "dash");

        var result = await client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue();
        journal.Records.Count.ShouldBe(2);
        journal.Records.First().ErrorCode.ShouldBe(KrakenErrors.TransportHttpStatus);
        journal.Records.First().ErrorOrigin.ShouldBe(KrakenErrorOrigin.Transport);
        journal.Records.Last().Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PublicCall_IsNotRecorded()
    {
        var journal = new ListJournal();
        await using var harness = await SpotHarness.StartAsync(configure: o => o.CallJournal = journal);

        await NamedClient(harness, "dash").GetServerTimeAsync(TestContext.Current.CancellationToken);

        journal.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Record_NeverContainsCredentials()
    {
        var journal = new ListJournal();
        await using var harness = await SpotHarness.StartAsync(configure: o => o.CallJournal = journal);

        await NamedClient(harness, "mm-trader").GetBalancesAsync(TestContext.Current.CancellationToken);

        var text = journal.Records.Single().ToString();
        text.ShouldNotContain(SpotHarness.ApiKey);
        text.ShouldNotContain(SpotHarness.Secret);
    }

    private static SpotClient NamedClient(SpotHarness harness, string name)
    {
        var credentials = KrakenCredentials.Create(SpotHarness.ApiKey, SpotHarness.Secret);
        var key = new KrakenKey(credentials, new CountingNonceSource(1_800_000_000_000), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), harness.Time)) { Name = name };
        key.ToString().ShouldContain(name);
        return new SpotClient(harness.Http, harness.Options, harness.Time, key);
    }

    private sealed class ListJournal : ICallJournal
    {
        public ConcurrentQueue<KrakenCallRecord> Records { get; } = new();

        public void Record(KrakenCallRecord record) => Records.Enqueue(record);
    }
}
