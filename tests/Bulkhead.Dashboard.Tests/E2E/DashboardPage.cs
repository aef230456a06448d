using System.Globalization;
using Bulkhead.EndToEnd.Tests.Fleet;
using Microsoft.Playwright;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// The dashboard open in a page (Contract P's DOM hooks): first render timed from navigation start to
/// <c>body[data-rendered=1]</c>, page weight summed over the load's response bodies, node health read from
/// <c>[data-node]</c>, and a marker that proves a later check happened without a reload.
/// </summary>
internal sealed class DashboardPage
{
    // Runs before the page's own scripts: notes performance.now() (ms since navigation start) when the page marks its
    // first full render, and a marker that a reload would wipe.
    private const string InitScript = """
        (() => {
          window.__bulkheadLoadId = Math.random().toString(36).slice(2);
          const seen = () => document.body && document.body.dataset.rendered === '1';
          const observer = new MutationObserver(() => {
            if (window.__bulkheadRenderedAt === undefined && seen()) { window.__bulkheadRenderedAt = performance.now(); observer.disconnect(); }
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
        })();
        """;

    private DashboardPage(IPage page, string loadId, double firstRenderMs, double domContentLoadedMs, double firstDocumentMs, IReadOnlyList<(string Url, string Type, long Bytes)> responses)
    {
        Page = page;
        LoadId = loadId;
        FirstRenderMs = firstRenderMs;
        DomContentLoadedMs = domContentLoadedMs;
        FirstDocumentMs = firstDocumentMs;
        Responses = responses;
    }

    public IPage Page { get; }

    /// <summary>The marker set by this load; a reload would set another.</summary>
    public string LoadId { get; }

    /// <summary>Navigation start → <c>body[data-rendered=1]</c>, in milliseconds.</summary>
    public double FirstRenderMs { get; }

    /// <summary>Navigation start → DOMContentLoaded (the page and its script are in), in milliseconds.</summary>
    public double DomContentLoadedMs { get; }

    /// <summary>Navigation start → the first fleet document in the page's hands (its mark <c>bulkhead:first-document</c>), in milliseconds; -1 without the mark.</summary>
    public double FirstDocumentMs { get; }

    /// <summary>How the load went, for the test output.</summary>
    public string Timing => FormattableString.Invariant($"first render {FirstRenderMs:0} ms (navigation start → body[data-rendered=1]; DOMContentLoaded at {DomContentLoadedMs:0} ms, first fleet document at {FirstDocumentMs:0} ms)");

    /// <summary>Every response of the page load up to its first render but the live event stream, with its body size.</summary>
    public IReadOnlyList<(string Url, string Type, long Bytes)> Responses { get; }

    /// <summary>The page weight: the sum of the load's response bodies (decoded), in bytes.</summary>
    public long Weight => Responses.Sum(r => r.Bytes);

    /// <summary>
    /// Opens <paramref name="url"/> and waits for its first render. The page gets its first fleet document from the event
    /// stream, whose body never ends: <paramref name="fleetDocumentBytes"/> (the size of <c>GET /api/fleet</c> right
    /// after the load) stands in for it in the weight when the load fetched no <c>/api/fleet</c> of its own.
    /// </summary>
    public static async Task<DashboardPage> OpenAsync(SystemChromium chromium, Uri url, Func<Task<long>>? fleetDocumentBytes = null)
    {
        var page = await chromium.NewPageAsync();
        var responses = new List<IResponse>();
        var gate = new Lock();
        void Collect(object? sender, IResponse response)
        {
            lock (gate)
            {
                responses.Add(response);
            }
        }

        await page.AddInitScriptAsync(InitScript);
        page.Response += Collect;
        await page.GotoAsync(url.ToString());
        await page.WaitForSelectorAsync("body[data-rendered='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        page.Response -= Collect;
        var renderedAt = await page.EvaluateAsync<double>("() => window.__bulkheadRenderedAt ?? performance.now()");
        var loadId = await page.EvaluateAsync<string>("() => window.__bulkheadLoadId");
        var domContentLoaded = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? -1");
        var firstDocument = await page.EvaluateAsync<double>("() => performance.getEntriesByName('bulkhead:first-document')[0]?.startTime ?? -1");

        var sized = new List<(string, string, long)>();
        List<IResponse> loaded;
        lock (gate)
        {
            loaded = [.. responses];
        }

        foreach (var response in loaded)
        {
            var type = (await response.HeaderValueAsync("content-type")) ?? "";
            if (type.StartsWith("text/event-stream", StringComparison.Ordinal))
            {
                continue; // the live stream never ends: it is the updates, not the page
            }

            sized.Add((response.Url, type, (await response.BodyAsync()).LongLength));
        }

        if (fleetDocumentBytes is not null && !sized.Any(r => new Uri(r.Item1).AbsolutePath.EndsWith("/api/fleet", StringComparison.Ordinal)))
        {
            sized.Add((new Uri(url, "api/fleet").ToString() + " (first event of the stream)", "application/json", await fleetDocumentBytes()));
        }

        var opened = new DashboardPage(page, loadId, renderedAt, domContentLoaded, firstDocument, sized);
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{url}: {opened.Timing}");
        return opened;
    }

    /// <summary><c>data-health</c> of <c>[data-node="kind:name"]</c>, or null while the node is not on the page.</summary>
    public async Task<string?> HealthAsync(string node)
    {
        var locator = Page.Locator($"[data-node='{node}']");
        return await locator.CountAsync() == 0 ? null : await locator.First.GetAttributeAsync("data-health");
    }

    /// <summary>Waits (deadline) until <paramref name="node"/>'s health is one of <paramref name="healths"/>.</summary>
    public Task WaitForHealthAsync(string node, TimeSpan deadline, params string[] healths) =>
        Polling.UntilAsync(async () => Array.IndexOf(healths, await HealthAsync(node)) >= 0, deadline, $"{node} to show data-health {string.Join('|', healths)}");

    /// <summary>Starts recording, in the page every 50 ms, each change of the given nodes' health (survives re-renders).</summary>
    public Task RecordHealthAsync(params string[] nodes) => Page.EvaluateAsync(
        """
        nodes => {
          window.__bulkheadHealth = [];
          const last = {};
          setInterval(() => {
            for (const node of nodes) {
              const e = document.querySelector(`[data-node="${node}"]`);
              const health = e ? e.getAttribute('data-health') : null;
              if (last[node] !== health) { last[node] = health; window.__bulkheadHealth.push(node + '=' + health); }
            }
          }, 50);
        }
        """, nodes);

    /// <summary>The health changes recorded since <see cref="RecordHealthAsync"/>, as <c>node=health</c>, in order.</summary>
    public async Task<IReadOnlyList<string>> RecordedHealthAsync() => await Page.EvaluateAsync<string[]>("() => window.__bulkheadHealth ?? []");

    /// <summary>True while the page is the one that was loaded (no reload since).</summary>
    public async Task<bool> NotReloadedAsync() => await Page.EvaluateAsync<string>("() => window.__bulkheadLoadId") == LoadId;

    public async Task<string?> AttributeAsync(string selector, string attribute) =>
        await Page.Locator(selector).CountAsync() == 0 ? null : await Page.Locator(selector).First.GetAttributeAsync(attribute);

    public static string Kilobytes(long bytes) => (bytes / 1024m).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
