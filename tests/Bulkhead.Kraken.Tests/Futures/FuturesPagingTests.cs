using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Futures.Rest.Wire;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

/// <summary>
/// <see cref="FuturesPaging"/> against pages served the way Kraken (and the sandbox) serves them: <c>fills</c> the 100
/// newest strictly before <c>lastFillTime</c>, the account log up to <c>count</c> entries from id <c>from</c> on.
/// </summary>
public sealed class FuturesPagingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FillPages_ManyFillsSharingMilliseconds_EveryFillOnceNewestFirst()
    {
        // Up to 99 fills per millisecond (100 in one millisecond cannot be paged past with a millisecond cursor).
        Gen.Int[0, 98].Array[1, 12].Sample(extras =>
        {
            var fills = extras.SelectMany((extra, ms) => Enumerable.Range(0, extra + 1).Select(i => Fill($"{ms}-{i}", T0.AddMilliseconds(ms)))).ToList();
            var pages = new List<DateTimeOffset?>();

            var read = Read(FuturesPaging.FillPagesAsync((before, _) => Task.FromResult(FillsBefore(fills, before, pages)), TestContext.Current.CancellationToken));

            read.Select(f => f.FillId).Order(StringComparer.Ordinal).ShouldBe(fills.Select(f => f.FillId).Order(StringComparer.Ordinal));
            read.Zip(read.Skip(1)).ShouldAllBe(p => p.First.FillTime >= p.Second.FillTime);
        });
    }

    [Fact]
    public void FillPages_AFillWithoutTime_FailsTheWalk()
    {
        var untimed = Fill("x", null);

        var results = Results(FuturesPaging.FillPagesAsync((_, _) => Task.FromResult(KrakenResult<IReadOnlyList<FuturesFill>>.Ok([untimed])), TestContext.Current.CancellationToken));

        results.ShouldHaveSingleItem().Error!.Code.ShouldBe(KrakenErrors.TransportBadResponse);
    }

    [Theory]
    [InlineData(0, null, 1)]
    [InlineData(999, null, 1)]
    [InlineData(1000, null, 2)]
    [InlineData(2500, null, 3)]
    [InlineData(2500, 2001L, 1)]
    public void LogPages_ForwardByIdUntilAShortPage(int total, long? fromId, int calls)
    {
        var entries = Enumerable.Range(1, total).Select(i => Entry(i)).ToList();
        var asked = new List<long?>();

        var read = Read(FuturesPaging.LogPagesAsync((from, _, _) =>
        {
            asked.Add(from);
            var page = entries.Where(e => from is null || e.Id >= from).Take(FuturesPaging.LogPageSize).ToList();
            return Task.FromResult(KrakenResult<FuturesAccountLog>.Ok(new FuturesAccountLog("uid", page)));
        }, fromId, cancellationToken: TestContext.Current.CancellationToken));

        read.Select(e => e.Id).ShouldBe(entries.Where(e => fromId is null || e.Id >= fromId).Select(e => e.Id));
        asked.Count.ShouldBe(calls);
    }

    [Fact]
    public void LogPages_AServerIgnoringFrom_NeverReadsAnEntryTwice()
    {
        var entries = Enumerable.Range(1, FuturesPaging.LogPageSize).Select(i => Entry(i)).ToList();

        var read = Read(FuturesPaging.LogPagesAsync((_, _, _) => Task.FromResult(KrakenResult<FuturesAccountLog>.Ok(new FuturesAccountLog("uid", entries))), cancellationToken: TestContext.Current.CancellationToken));

        read.Count.ShouldBe(FuturesPaging.LogPageSize);
    }

    private static KrakenResult<IReadOnlyList<FuturesFill>> FillsBefore(List<FuturesFill> fills, DateTimeOffset? before, List<DateTimeOffset?> pages)
    {
        pages.Add(before);
        return KrakenResult<IReadOnlyList<FuturesFill>>.Ok([.. fills.Where(f => before is null || f.FillTime < before).OrderByDescending(f => f.FillTime).Take(FuturesPaging.FillPageSize)]);
    }

    private static FuturesFill Fill(string id, DateTimeOffset? time) => new(id, "PF_XBTUSD", "buy", "o-" + id, null, 1m, 50_000m, time, "taker");

    private static FuturesAccountLogEntry Entry(long id) =>
        new(id, T0.AddSeconds(id), "usd", "futures trade", "b" + id, "flex", "pf_xbtusd", 0m, 0m, 0m, null, null, null, null);

    private static List<T> Read<T>(IAsyncEnumerable<KrakenResult<IReadOnlyList<T>>> pages) =>
        [.. Results(pages).SelectMany(p => p.GetValueOrThrow())];

    private static List<KrakenResult<IReadOnlyList<T>>> Results<T>(IAsyncEnumerable<KrakenResult<IReadOnlyList<T>>> pages) =>
        pages.ToBlockingEnumerable().ToList();
}
