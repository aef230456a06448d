using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>The browser harness itself: Playwright launches the system Chromium and renders a page, no server needed.</summary>
public sealed class ChromiumTests
{
    [Fact]
    public async Task SystemChromium_OpensADataUrl_AndRunsItsScript()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync("data:text/html,<title>bulkhead</title><body><p id=p>static</p><script>document.body.dataset.rendered='1'</script></body>");

        (await page.TitleAsync()).ShouldBe("bulkhead");
        (await page.Locator("#p").TextContentAsync()).ShouldBe("static");
        (await page.Locator("body").GetAttributeAsync("data-rendered")).ShouldBe("1");
        TestContext.Current.TestOutputHelper?.WriteLine($"chromium {chromium.Browser.Version} at {SystemChromium.ExecutablePath}");
    }
}
