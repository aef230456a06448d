using System.Text.Json.Nodes;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Alerts;
using Bulkhead.Runtime.Metrics;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Tests.Supervisor;
using Bulkhead.Testing.Http;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Alerts;

/// <summary>
/// The supervisor's alerting end to end in one process: a real supervisor (fake workers) and its metrics, rules from a
/// real manifest file, webhooks on a real loopback Kestrel that the test takes down and brings back, the real dead-letter
/// file. The rule watches the kill switch, which the test pulls.
/// </summary>
public sealed class AlertServiceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulkhead-alerts-").FullName;
    private readonly List<string> _log = [];
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task KillSwitchPulled_FiresToTheWebhook_AGenericJsonDocument_ThenResolves()
    {
        await using var fleet = await FleetAsync(Webhook(_receiver.Url.ToString()));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());

        var fired = (await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        await WaitAsync(() => _receiver.Received.Count == 1, "the webhook to get the alert");
        fleet.Supervisor.Rearm();
        (await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
        await WaitAsync(() => _receiver.Received.Count == 2, "the webhook to get the resolution");

        var body = JsonNode.Parse(_receiver.Received[0])!;
        ((string)body["status"]!, (string)body["alert"]!, (string)body["severity"]!, (string)body["metric"]!, (string)body["value"]!, (string)body["condition"]!, (string)body["fleet"]!, (string)body["environment"]!)
            .ShouldBe(("firing", "kill-switch", "critical", "bulkhead_kill_switch_pulled", "1", "> 0", "desk", "sandbox"));
        ((string)body["id"]!).ShouldBe(fired.Id);
        ((string)JsonNode.Parse(_receiver.Received[1])!["status"]!).ShouldBe("resolved");
        ((string)JsonNode.Parse(_receiver.Received[1])!["id"]!).ShouldBe(fired.Id);
        File.Exists(fleet.Alerts.DeadLetters.Path).ShouldBeFalse();
    }

    [Fact]
    public async Task FlakyWebhook_RetriedWithBackoff_DeliveredExactlyOnce()
    {
        _receiver.FailNext(2);
        await using var fleet = await FleetAsync(Webhook(_receiver.Url.ToString(), retries: 3));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());

        await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken);

        await WaitAsync(() => _receiver.Received.Count == 1, "the third attempt to get through");
        _receiver.Requests.ShouldBe(3);
        File.Exists(fleet.Alerts.DeadLetters.Path).ShouldBeFalse();
        MetricsSnapshot snapshot = null!;
        var start = TimeProvider.System.GetTimestamp();
        while ((snapshot = await fleet.Metrics.CollectAsync(TestContext.Current.CancellationToken)).Find("bulkhead_alerts_notifications_total")!.Samples.Count < 2)
        {
            TimeProvider.System.GetElapsedTime(start).ShouldBeLessThan(TimeSpan.FromSeconds(30), "the delivery to be counted");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        snapshot.Find("bulkhead_alerts_notifications_total")!.Samples.Select(s => (s.Label("outcome"), s.Value)).ShouldBe([("retried", 2m), ("delivered", 1m)], ignoreOrder: true);
        snapshot.Find("bulkhead_alerts_firing")!.Samples.ShouldHaveSingleItem().Value.ShouldBe(1m);
    }

    [Fact]
    public async Task WebhookDown_AfterItsRetries_TheAlertIsInTheDeadLetterFile()
    {
        _receiver.Down = true;
        await using var fleet = await FleetAsync(Webhook(_receiver.Url.ToString(), retries: 2));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());

        var fired = (await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken)).ShouldHaveSingleItem();

        await WaitAsync(() => File.Exists(fleet.Alerts.DeadLetters.Path) && File.ReadAllLines(fleet.Alerts.DeadLetters.Path).Length == 1, "the dead letter");
        _receiver.Requests.ShouldBe(3, "one attempt and two retries");
        var letter = JsonNode.Parse(File.ReadAllLines(fleet.Alerts.DeadLetters.Path)[0])!;
        ((string)letter["webhook"]!, (string)letter["id"]!, (string)letter["alert"]!, (int)letter["attempts"]!, (string)letter["error"]!).ShouldBe(("desk", fired.Id, "kill-switch", 3, "HTTP 503 Service Unavailable"));
        ((string)JsonNode.Parse((string)letter["body"]!)!["id"]!).ShouldBe(fired.Id, "the body that was to be sent, whole");
        File.ReadAllText(fleet.Alerts.DeadLetters.Path).ShouldNotContain(_receiver.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/hook", Case.Sensitive, "never the URL");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(fleet.Alerts.DeadLetters.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task SupervisorStops_WhileRetrying_TheAlertGoesToTheDeadLetterFile()
    {
        _receiver.Down = true;
        var fleet = await FleetAsync(Webhook(_receiver.Url.ToString(), retries: 10, backoff: "30s"));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());
        await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken);
        await WaitAsync(() => _receiver.Requests >= 1, "the first attempt");

        await fleet.DisposeAsync();

        var letter = JsonNode.Parse(File.ReadAllLines(fleet.Alerts.DeadLetters.Path).ShouldHaveSingleItem())!;
        ((string)letter["error"]!).ShouldStartWith("not delivered before the supervisor stopped");
    }

    [Fact]
    public async Task SlackPreset_PostsOneLineOfText()
    {
        await using var fleet = await FleetAsync(Webhook(_receiver.Url.ToString(), format: "slack"));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());

        await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken);

        await WaitAsync(() => _receiver.Received.Count == 1, "the slack body");
        var body = JsonNode.Parse(_receiver.Received[0])!.AsObject();
        body.Select(p => p.Key).ShouldBe(["text"]);
        ((string)body["text"]!).ShouldStartWith(":rotating_light: [critical] kill-switch firing — the kill switch is pulled: bulkhead_kill_switch_pulled = 1 (> 0 for 0s) · fleet desk/sandbox · since ");
    }

    [Fact]
    public async Task WebhookUrlFromAnUnsetVariable_AlertsGoStraightToTheDeadLetterFile()
    {
        await using var fleet = await FleetAsync(Webhook("env:BULKHEAD_TEST_UNSET_WEBHOOK"));
        await fleet.Supervisor.PullKillSwitchAsync("ann", TimeProvider.System.GetUtcNow());

        fleet.Alerts.Webhooks.ShouldHaveSingleItem().Problem.ShouldBe("its url env:BULKHEAD_TEST_UNSET_WEBHOOK: set the environment variable BULKHEAD_TEST_UNSET_WEBHOOK");
        await fleet.Alerts.EvaluateAsync(TestContext.Current.CancellationToken);

        await WaitAsync(() => File.Exists(fleet.Alerts.DeadLetters.Path), "the dead letter");
        ((int)JsonNode.Parse(File.ReadAllLines(fleet.Alerts.DeadLetters.Path).Single())!["attempts"]!).ShouldBe(0);
    }

    [Fact]
    public async Task ARuleOnAMetricTheSupervisorLacks_IsRefusedAtStart_WithItsLine()
    {
        var e = await Should.ThrowAsync<InvalidManifestException>(() => FleetAsync(Webhook(_receiver.Url.ToString()), metric: "bulkhead_kill_switch"));

        e.Problems.ShouldHaveSingleItem().ToString().ShouldContain("fleet.toml:");
        e.Problems[0].Message.ShouldBe("alert \"kill-switch\" watches metric \"bulkhead_kill_switch\", which the supervisor does not have");
    }

    private static string Webhook(string url, int retries = 5, string backoff = "50ms", string format = "json") => $"""
        [alerting.webhooks.desk]
        url = "{url}"
        format = "{format}"
        retries = {retries}
        backoff = "{backoff}"
        timeout = "2s"
        """;

    private async Task<AlertFleet> FleetAsync(string webhook, string metric = "bulkhead_kill_switch_pulled")
    {
        var example = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml"), TestContext.Current.CancellationToken);
        var cut = example.IndexOf("# --- alerts", StringComparison.Ordinal);
        var text = example[..cut] + $"""

            [alerting]
            evaluate_every = "1h"
            dead_letter = "dead-letters.jsonl"

            {webhook}

            [[alerts]]
            name = "kill-switch"
            metric = "{metric}"
            above = "0"
            severity = "critical"
            summary = "the kill switch is pulled"
            """;
        var path = Path.Combine(_folder, "fleet.toml");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        var manifest = ManifestLoader.Load(path).GetValueOrThrow();
        var supervisor = new FleetSupervisor(manifest, new FleetSupervisorOptions { Time = TimeProvider.System, Launcher = new FakeLauncher(), Only = "mm-trader" });
        var metrics = new FleetMetrics(supervisor, TimeProvider.System);
        try
        {
            var alerts = await AlertService.StartAsync(manifest, "sandbox", metrics, new AlertServiceOptions
            {
                Time = TimeProvider.System,
                GetVariable = name => null,
                Log = line =>
                {
                    lock (_log)
                    {
                        _log.Add(line);
                    }
                },
            }, TestContext.Current.CancellationToken);
            return new AlertFleet(supervisor, metrics, alerts);
        }
        catch
        {
            metrics.Dispose();
            await supervisor.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!done())
        {
            if (TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"waited 30 s for {what}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private sealed record AlertFleet(FleetSupervisor Supervisor, FleetMetrics Metrics, AlertService Alerts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Alerts.DisposeAsync();
            Metrics.Dispose();
            await Supervisor.DisposeAsync();
        }
    }
}
