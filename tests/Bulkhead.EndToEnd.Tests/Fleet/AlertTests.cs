using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.Testing.Http;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// Issue #19's must-show for alerts, on real processes: <c>bulkhead run</c> on the sandbox with the example fleet, its
/// alert rules pointed at two webhooks the test serves on loopback — <c>desk</c> (JSON) fails its first two requests,
/// <c>pager</c> (Slack preset) is down the whole time. momo-trader gets a wrong secret: its key is halted, and the
/// key-halted alert reaches <c>desk</c> (after retries); a strategy's drawdown crosses its rule and reaches it too; every
/// alert <c>pager</c> never took is in the dead-letter file. Nothing is lost.
/// </summary>
[Collection(FleetProcesses.Name)]
public sealed class AlertTests
{
    [Fact]
    public async Task Run_KeyHaltedAndDrawdown_FireToTheWebhook_ADownWebhookLosesNothing()
    {
        await using var desk = await WebhookReceiver.StartAsync();
        await using var pager = await WebhookReceiver.StartAsync();
        desk.FailNext(2);
        pager.Down = true;
        await using var fleet = await LiveFleet.StartAsync();
        var text = await File.ReadAllTextAsync(fleet.Manifest, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(fleet.Manifest, text[..text.IndexOf("# --- alerts", StringComparison.Ordinal)] + $"""
            [alerting]
            evaluate_every = "1s"
            dead_letter = "dead-letters.jsonl"

            [alerting.webhooks.desk]
            url = "{desk.Url}"
            retries = 4
            backoff = "200ms"

            [alerting.webhooks.pager]
            url = "{pager.Url}"
            format = "slack"
            retries = 2
            backoff = "200ms"

            [[alerts]]
            name = "key-halted"
            metric = "bulkhead_guard_halted"
            above = "0"
            severity = "critical"

            [[alerts]]
            name = "drawdown"
            metric = "bulkhead_strategy_drawdown_usd"
            above = "0.01"
            for = "2s"
            webhooks = ["desk"]
            """, TestContext.Current.CancellationToken);
        await WrongSecretAsync(fleet, "momo-trader", "momo");

        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        await Polling.UntilAsync(() => Bodies(desk).Any(b => (string)b["alert"]! == "key-halted"), TimeSpan.FromSeconds(120), "the key-halted alert at the desk webhook");
        await Polling.UntilAsync(() => Bodies(desk).Any(b => (string)b["alert"]! == "drawdown"), TimeSpan.FromSeconds(180), "a drawdown alert at the desk webhook");

        var halted = Bodies(desk).First(b => (string)b["alert"]! == "key-halted");
        ((string)halted["status"]!, (string)halted["severity"]!, (string)halted["labels"]!["process"]!, (string)halted["labels"]!["key"]!, (string)halted["value"]!)
            .ShouldBe(("firing", "critical", "momo-trader", "momo-trader", "1"));
        (await fleet.StatusAsync(status))["momo-trader"]["state"]!.GetValue<string>().ShouldBe("halted");
        var drawdown = Bodies(desk).First(b => (string)b["alert"]! == "drawdown");
        decimal.Parse((string)drawdown["value"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0.01m);
        desk.Requests.ShouldBeGreaterThan(desk.Received.Count, "the first two requests failed and were retried");

        var deadLetters = Path.Combine(fleet.Folder, "dead-letters.jsonl");
        await Polling.UntilAsync(() => File.Exists(deadLetters) && File.ReadAllLines(deadLetters).Any(l => l.Contains("\"key-halted\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the pager's undelivered alert in the dead-letter file");
        var letter = JsonNode.Parse(File.ReadAllLines(deadLetters).First(l => l.Contains("\"key-halted\"", StringComparison.Ordinal)))!;
        ((string)letter["webhook"]!, (string)letter["status"]!, (int)letter["attempts"]!).ShouldBe(("pager", "firing", 3));
        ((string)letter["id"]!).ShouldBe((string)halted["id"]!, "the same alert the desk got");
        ((string)JsonNode.Parse((string)letter["body"]!)!["text"]!).ShouldContain("key-halted firing");
        pager.Received.ShouldBeEmpty();
        File.ReadAllLines(deadLetters).ShouldNotContain(l => l.Contains("\"desk\"", StringComparison.Ordinal), "desk took every alert in the end");

        run.Terminate();
        (await run.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, run.Error);
        TestContext.Current.TestOutputHelper?.WriteLine($"desk: {desk.Requests} requests, {desk.Received.Count} taken ({string.Join(", ", Bodies(desk).Select(b => $"{b["alert"]} {b["status"]}"))}); pager: {pager.Requests} requests, dead letters: {File.ReadAllLines(deadLetters).Length}");
    }

    [Fact]
    public async Task Run_ReconciliationFindsAJournalFillTheExchangeLacks_TheDifferenceAlertFires()
    {
        await using var desk = await WebhookReceiver.StartAsync();
        await using var fleet = await LiveFleet.StartAsync();
        var text = await File.ReadAllTextAsync(fleet.Manifest, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(fleet.Manifest, text[..text.IndexOf("# --- alerts", StringComparison.Ordinal)] + $$"""
            [alerting]
            evaluate_every = "1s"
            reconcile_every = "10s"

            [alerting.webhooks.desk]
            url = "{{desk.Url}}"

            [[alerts]]
            name = "reconciliation-difference"
            metric = "bulkhead_reconciliation_differences"
            above = "0"
            where = { account = "mm" }
            """, TestContext.Current.CancellationToken);
        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        var manifest = Bulkhead.Fleet.Manifest.ManifestLoader.Load(fleet.Manifest).GetValueOrThrow();
        await Polling.UntilAsync(
            () =>
            {
                using var journal = Journal(manifest);
                return journal.Fills("mm").Count > 0;
            },
            TimeSpan.FromMinutes(3),
            "mm's first journaled fill");
        using (var journal = Journal(manifest))
        {
            journal.RecordFill(journal.Fills("mm")[0] with { FillId = "FAKE-FILL-1" }).ShouldBeTrue();
        }

        await Polling.UntilAsync(() => Bodies(desk).Any(b => (string)b["alert"]! == "reconciliation-difference"), TimeSpan.FromSeconds(90), "the reconciliation alert at the webhook");

        var alert = Bodies(desk).First(b => (string)b["alert"]! == "reconciliation-difference");
        ((string)alert["labels"]!["account"]!, (string)alert["status"]!).ShouldBe(("mm", "firing"));
        decimal.Parse((string)alert["value"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1m);
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(status, "/metrics"), TestContext.Current.CancellationToken);
        metrics.ShouldContain("bulkhead_reconciliation_runs_total{outcome=\"differences\"}");
        run.Terminate();
        (await run.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, run.Error);
    }

    private static Bulkhead.Fleet.Fills.IFillJournal Journal(Bulkhead.Fleet.Manifest.FleetManifest manifest) =>
        Bulkhead.Fleet.Fills.FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, TimeProvider.System);

    private static List<JsonNode> Bodies(WebhookReceiver receiver) => [.. receiver.Received.Select(b => JsonNode.Parse(b)!)];

    /// <summary>Rotates <paramref name="process"/>'s stored secret to a wrong one (its key stays): it fails to sign and halts.</summary>
    private static async Task WrongSecretAsync(LiveFleet fleet, string process, string account)
    {
        var list = await CliProcess.RunAsync(fleet.Environment, "secrets", "list", "--json", "--fleet", fleet.Manifest);
        list.ExitCode.ShouldBe(0, list.Error);
        var masked = JsonNode.Parse(list.Out)!.AsArray().First(e => e!["name"]!.GetValue<string>() == process)!["apiKey"]!.GetValue<string>();
        var key = fleet.Exchange.Keys(account).Single(k => k.MaskedKey == masked);
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var rotate = await CliProcess.RunWithInputAsync(fleet.Environment, wrong + "\n", "secrets", "rotate", process, "--key", key.Key, "--secret-stdin", "--fleet", fleet.Manifest);
        rotate.ExitCode.ShouldBe(0, rotate.Error);
    }
}
