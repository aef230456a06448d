using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>A source that cannot be read leaves its part empty with the reason; the dashboard still answers 200.</summary>
public sealed class SourcesDownTests
{
    [Fact]
    public async Task Fleet_JournalAndStoreUnreadable_200WithEachPartsErrorAndTheTreeFromTheSupervisor()
    {
        // "blocker" is a file, so neither SQLite database under it can be opened.
        await using var fleet = await DashboardFixture.CreateAsync(edit: text => text.Replace(
            "coordination = \"sqlite:fleet.db\"",
            "coordination = \"sqlite:blocker/fleet.db\"\njournal = \"sqlite:blocker/journal.db\"",
            StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(fleet.Folder, "blocker"), "not a folder", TestContext.Current.CancellationToken);
        await fleet.ServeAsync();
        fleet.AllRunning();

        var document = await fleet.GetJsonAsync("/api/fleet");

        foreach (var part in (string[])["balances", "pnl", "equity", "fees", "margin"])
        {
            ((string)document[part]!["error"]!).ShouldStartWith("fill journal: ", Case.Sensitive, part);
        }

        ((string)document["treasury"]!["error"]!).ShouldStartWith("treasury journal: ");
        ((string)document["tree"]!["error"]!).ShouldContain("coordination store: ");
        ((bool)document["exchange"]!["reachable"]!).ShouldBeFalse();
        var tree = document["tree"]!["master"]!.AsObject();
        TreeNodes.Health(tree, "process:mm-trader").ShouldBe("ok");
        TreeNodes.Find(tree, "process:mm-trader")["lease"].ShouldBeNull();
        TreeNodes.Find(tree, "subaccount:mm")["rateHeadroom"].ShouldBeNull();
        TreeNodes.Find(tree, "key:mm-trader")["restHeadroom"].ShouldBeNull();
        document["audit"]!["error"].ShouldBeNull();
    }

    [Fact]
    public async Task Fleet_JournalComesBack_PartsRecoverWithoutARestart()
    {
        await using var fleet = await DashboardFixture.CreateAsync(edit: text => text.Replace(
            "coordination = \"sqlite:fleet.db\"",
            "coordination = \"sqlite:fleet.db\"\njournal = \"sqlite:later/journal.db\"",
            StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(fleet.Folder, "later"), "not yet a folder", TestContext.Current.CancellationToken);
        await fleet.ServeAsync();
        ((string)(await fleet.GetJsonAsync("/api/balances"))["error"]!).ShouldStartWith("fill journal: ");

        File.Delete(Path.Combine(fleet.Folder, "later"));
        Directory.CreateDirectory(Path.Combine(fleet.Folder, "later"));
        FleetData.Seed(fleet);

        var balances = await fleet.GetJsonAsync("/api/balances");
        balances["accounts"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Fleet_WorkerDown_TreeSaysSoAndEveryOtherPartStillAnswers()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        FleetData.Seed(fleet);
        await fleet.ServeAsync();
        fleet.AllRunning();

        fleet.Worker("hedge-trader").Exit(1);
        await EndToEnd.Tests.Fleet.Polling.UntilAsync(
            () => fleet.Supervisor.Snapshot().Single(s => s.Process == "hedge-trader").State == Runtime.Supervisor.ProcessState.Backoff, TimeSpan.FromSeconds(30), "hedge-trader in backoff");

        var document = await fleet.GetJsonAsync("/api/fleet");
        TreeNodes.Health(document["tree"]!["master"]!.AsObject(), "process:hedge-trader").ShouldBe("down");
        document["margin"]!["accounts"]!.AsArray().Count.ShouldBe(1);
        document["balances"]!["error"].ShouldNotBeNull(); // only because the exchange is down in this fixture
        document["margin"]!["error"].ShouldBeNull();
    }
}
