using System.Net;
using System.Net.Http.Json;
using Bulkhead.Cli.Tests;
using Bulkhead.EndToEnd.Tests.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>
/// Issue #19's must-show for the dashboard's actions, in Chromium on a real fleet (<see cref="OperatorFleet"/>): an
/// operator halts and resumes a strategy from the page, flattens one (its position back to zero and its orders cancelled
/// on the sandbox), every action journaled with who and what; a read-only token sees no button and its POSTs are refused.
/// </summary>
[Collection(DashboardProcesses.Name)]
public sealed class OperatorActionsTests(OperatorFleet fixture) : IClassFixture<OperatorFleet>
{
    [Fact]
    public async Task Page_OperatorHaltsThenResumesAStrategy_JournaledWithWhoAndWhat()
    {
        var page = await fixture.OpenAsync(OperatorFleet.OperatorToken);
        (await page.Locator("body").GetAttributeAsync("data-role")).ShouldBe("operator");

        var halt = await OperatorFleet.ActAsync(page, "halt", "mm", "ann");

        (await fixture.StatusAsync())["mm-trader"]["state"]!.GetValue<string>().ShouldBe("halted");
        await Polling.UntilAsync(async () => await page.Locator("[data-node='process:mm-trader']").GetAttributeAsync("data-health") == "halted", TimeSpan.FromSeconds(30), "mm-trader halted on the page");
        fixture.Fleet.Exchange.OpenOrders("mm").ShouldBeEmpty("a halted strategy's trader cancelled its orders");
        var journaled = await fixture.ActionAsync(halt);
        ((string)journaled["action"]!, (string)journaled["target"]!, (string)journaled["operator"]!, (string)journaled["state"]!).ShouldBe(("halt", "mm", "ann", "done"));
        ((string)journaled["source"]!).ShouldStartWith("dashboard from 127.0.0.1");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        (await fixture.StatusAsync())["mm-trader"]["state"]!.GetValue<string>().ShouldBe("halted", "never restarted by the supervisor");

        await page.Locator("[data-node='strategy:mm'] button[data-action=resume]").WaitForAsync();
        var resume = await OperatorFleet.ActAsync(page, "resume", "mm", "ann");

        ((string)(await fixture.ActionAsync(resume))["state"]!).ShouldBe("done");
        await Polling.UntilAsync(async () => (await fixture.StatusAsync())["mm-trader"]["state"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(90), "mm-trader running again");
        await Polling.UntilAsync(async () => await page.Locator("[data-node='process:mm-trader']").GetAttributeAsync("data-health") == "ok", TimeSpan.FromSeconds(60), "mm-trader ok on the page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_OperatorFlattensAStrategy_ItsPositionIsZeroAndItsOrdersCancelledOnTheSandbox()
    {
        await Polling.UntilAsync(() => fixture.Fleet.Exchange.Positions("hedge").Any(p => p.Size != 0m), TimeSpan.FromMinutes(3), "hedge to hold a futures position");
        var page = await fixture.OpenAsync(OperatorFleet.OperatorToken);

        var flatten = await OperatorFleet.ActAsync(page, "flatten", "hedge", "bob");

        var journaled = await fixture.ActionAsync(flatten);
        ((string)journaled["state"]!).ShouldBe("done", (string?)journaled["result"]);
        ((string)journaled["result"]!).ShouldStartWith("flattened hedge:");
        fixture.Fleet.Exchange.Positions("hedge").Where(p => p.Size != 0m).ShouldBeEmpty("the flattener closed the position on the exchange");
        fixture.Fleet.Exchange.OpenOrders("hedge").ShouldBeEmpty("every order of the subaccount cancelled");
        (await fixture.StatusAsync())["hedge-trader"]["state"]!.GetValue<string>().ShouldBe("halted", "a flattened strategy stays halted");
        (await page.Locator($"[data-testid=actions] tr[data-action-id='{flatten}']").TextContentAsync())!.ShouldContain("bob");

        await OperatorFleet.ActAsync(page, "resume", "hedge", "bob");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cli_HaltAndResume_GoThroughTheSupervisor_AndItsJournal_AViewerTokenMayNot()
    {
        var environment = new Dictionary<string, string?>(fixture.Fleet.Environment) { ["BULKHEAD_OPERATOR_TOKEN"] = OperatorFleet.OperatorToken };

        var halt = await CliProcess.RunAsync(environment, "halt", fixture.Fleet.Manifest, "momo", "--operator", "cy");

        halt.ExitCode.ShouldBe(0, halt.Out + halt.Error);
        halt.Out.ShouldContain("halt momo by cy: running");
        halt.Out.ShouldContain(": done: halted momo-trader");
        (await fixture.StatusAsync())["momo-trader"]["state"]!.GetValue<string>().ShouldBe("halted");
        var id = halt.Out.Split(' ')[0];
        var journaled = await fixture.ActionAsync(id);
        ((string)journaled["operator"]!).ShouldBe("cy");
        ((string)journaled["source"]!).ShouldStartWith("cli ");
        var refused = await CliProcess.RunAsync(fixture.Fleet.Environment, "resume", fixture.Fleet.Manifest, "momo", "--token", OperatorFleet.ViewerToken);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("403 acting needs the operator token");
        (await fixture.StatusAsync())["momo-trader"]["state"]!.GetValue<string>().ShouldBe("halted");

        var resume = await CliProcess.RunAsync(environment, "resume", fixture.Fleet.Manifest, "momo");

        resume.ExitCode.ShouldBe(0, resume.Out + resume.Error);
        await Polling.UntilAsync(async () => (await fixture.StatusAsync())["momo-trader"]["state"]!.GetValue<string>() == "running", TimeSpan.FromSeconds(90), "momo-trader running again");
        fixture.RunOutput.ShouldNotContain(OperatorFleet.OperatorToken);
        fixture.RunOutput.ShouldNotContain(OperatorFleet.ViewerToken);
    }

    [Fact]
    public async Task Page_ReadOnlyToken_SeesNoActionButtons_AndItsPostsAreRefused()
    {
        var page = await fixture.OpenAsync(OperatorFleet.ViewerToken);
        await page.Locator("[data-node='strategy:mm']").WaitForAsync();
        var journal = await page.Locator("[data-testid=actions] tr[data-action-id]").CountAsync();

        (await page.Locator("body").GetAttributeAsync("data-role")).ShouldBe("viewer");
        (await page.Locator("button[data-action]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=kill-switch]").CountAsync()).ShouldBe(0);
        var fromPage = await page.EvaluateAsync<int>(
            "async () => (await fetch('api/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'kill', operator: 'mallory' }) })).status");
        fromPage.ShouldBe(403);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Dashboard, "api/actions")) { Content = JsonContent.Create(new { action = "halt", target = "mm", @operator = "mallory" }) };
        request.Headers.Authorization = new("Bearer", OperatorFleet.ViewerToken);
        using var response = await fixture.Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("this token can only look");
        using var anonymous = await fixture.Http.PostAsJsonAsync(new Uri(fixture.Dashboard, "api/actions"), new { action = "kill" }, TestContext.Current.CancellationToken);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        (await page.Locator("[data-testid=actions] tr[data-action-id]").CountAsync()).ShouldBe(journal, "a refused POST is not an action");
        (await fixture.StatusAsync()).Values.Select(s => (string)s["state"]!).ShouldNotContain("halted");
        await page.Context.CloseAsync();
    }
}
