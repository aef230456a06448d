using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

public sealed class SpotPagingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(49, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(130, 3)]
    public async Task PagesAsync_ReadsUntilTheTotalOrAShortPage(int total, int pages)
    {
        var offsets = new List<int>();

        var items = new List<int>();
        await foreach (var page in SpotPaging.PagesAsync((offset, _) => Page(offsets, offset, total), cancellationToken: TestContext.Current.CancellationToken))
        {
            items.AddRange(page.GetValueOrThrow().Items);
        }

        items.ShouldBe(Enumerable.Range(0, total));
        offsets.Count.ShouldBe(pages);
    }

    [Fact]
    public async Task PagesAsync_StopsAtMaxPagesAndAfterAFailedPage()
    {
        var offsets = new List<int>();
        var read = 0;
        await foreach (var _ in SpotPaging.PagesAsync((offset, _) => Page(offsets, offset, 1000), maxPages: 3, cancellationToken: TestContext.Current.CancellationToken))
        {
            read++;
        }

        read.ShouldBe(3);

        var results = new List<KrakenResult<SpotPage<int>>>();
        await foreach (var page in SpotPaging.PagesAsync<int>((_, _) => Task.FromResult<KrakenResult<SpotPage<int>>>(KrakenErrors.FromExchange("EGeneral:Temporary lockout")), cancellationToken: TestContext.Current.CancellationToken))
        {
            results.Add(page);
        }

        results.ShouldHaveSingleItem().Success.ShouldBeFalse();
    }

    private static Task<KrakenResult<SpotPage<int>>> Page(List<int> offsets, int offset, int total)
    {
        offsets.Add(offset);
        var items = Enumerable.Range(offset, Math.Max(0, Math.Min(SpotPaging.PageSize, total - offset))).ToList();
        return Task.FromResult(KrakenResult<SpotPage<int>>.Ok(new SpotPage<int>(items, total)));
    }
}
