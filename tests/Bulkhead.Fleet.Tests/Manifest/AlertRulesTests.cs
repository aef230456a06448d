using Bulkhead.Fleet.Manifest;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Manifest;

/// <summary>The manifest's <c>[alerting]</c> table and <c>[[alerts]]</c> rules: read with their lines, every mistake reported with its fix.</summary>
public sealed class AlertRulesTests
{
    private const string Alerting = """

        [alerting]
        evaluate_every = "2s"
        dead_letter = "dead.jsonl"

        [alerting.webhooks.desk]
        url = "http://127.0.0.1:9099/hook"
        retries = 3
        backoff = "250ms"

        [alerting.webhooks.chat]
        url = "env:SLACK_URL"
        format = "slack"

        [[alerts]]
        name = "key-halted"
        metric = "bulkhead_guard_halted"
        above = "0"
        severity = "critical"
        summary = "a key is halted"

        [[alerts]]
        name = "headroom"
        metric = "bulkhead_rate_headroom_ratio"
        below = "0.1"
        for = "1m"
        where = { budget = "trading" }
        webhooks = ["chat"]
        """;

    [Fact]
    public void Parse_AlertingAndRules_InDeclarationOrderWithTheirLines()
    {
        var text = Manifests.Small + Alerting;

        var m = Manifests.Valid(text);

        m.Alerting.EvaluateEvery.ShouldBe(TimeSpan.FromSeconds(2));
        m.Alerting.DeadLetter.ShouldBe("dead.jsonl");
        m.Alerting.ReconcileEvery.ShouldBeNull();
        m.Alerting.Webhooks.Select(w => (w.Name, w.Url, w.Format, w.Retries, w.Backoff, w.Timeout)).ShouldBe([
            ("desk", "http://127.0.0.1:9099/hook", AlertWebhookFormat.Json, 3, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5)),
            ("chat", "env:SLACK_URL", AlertWebhookFormat.Slack, 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))]);
        m.Alerting.Webhooks[1].ToString().ShouldNotContain("127.0.0.1");
        var halted = m.Alerts[0];
        (halted.Name, halted.Metric, halted.Comparison, halted.Threshold, halted.For, halted.Severity, halted.Summary).ShouldBe(
            ("key-halted", "bulkhead_guard_halted", AlertComparison.Above, 0m, TimeSpan.Zero, AlertSeverity.Critical, "a key is halted"));
        halted.Webhooks.ShouldBeEmpty();
        halted.Location.Line.ShouldBe(Manifests.LineOf(text, "[[alerts]]"));
        var headroom = m.Alerts[1];
        (headroom.Comparison, headroom.Threshold, headroom.For, headroom.Severity, headroom.Condition).ShouldBe((AlertComparison.Below, 0.1m, TimeSpan.FromMinutes(1), AlertSeverity.Warning, "< 0.1"));
        headroom.Where.ShouldBe(new Dictionary<string, string> { ["budget"] = "trading" });
        headroom.Webhooks.ShouldBe(["chat"]);
        headroom.Breached(0.05m).ShouldBeTrue();
        headroom.Breached(0.1m).ShouldBeFalse();
    }

    [Fact]
    public void Parse_NoAlerting_Defaults()
    {
        var m = Manifests.Valid(Manifests.Small);

        m.Alerts.ShouldBeEmpty();
        m.Alerting.ShouldBe(AlertingSettings.Default);
    }

    [Fact]
    public void Load_Example_ShipsTheRulesTheIssueAsksFor()
    {
        var m = ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow();

        m.Alerts.Select(a => a.Name).ShouldBe(["key-halted", "drawdown-80pct", "margin-level-low", "rate-headroom-low", "worker-restart-loop", "reconciliation-difference"]);
        m.Alerting.ReconcileEvery.ShouldBe(TimeSpan.FromMinutes(10));
        m.Alerting.Webhooks.ShouldHaveSingleItem().Url.ShouldBe("env:BULKHEAD_ALERT_WEBHOOK");
    }

    [Theory]
    [InlineData("above = \"0\"\nseverity", "above = \"0\"\nbelow = \"1\"\nseverity", "[alerts[1]] needs exactly one threshold: above or below")]
    [InlineData("above = \"0\"\nseverity", "severity", "[alerts[1]] needs exactly one threshold: above or below")]
    [InlineData("for = \"1m\"", "for = \"a minute\"", "alerts[2].for \"a minute\" is not a duration")]
    [InlineData("severity = \"critical\"", "severity = \"urgent\"", "alerts[1].severity \"urgent\" is not a known severity")]
    [InlineData("webhooks = [\"chat\"]", "webhooks = [\"pager\"]", "alert \"headroom\" sends to webhook \"pager\", which [alerting.webhooks] does not declare")]
    [InlineData("name = \"headroom\"", "name = \"key-halted\"", "alert name \"key-halted\" is used twice")]
    [InlineData("metric = \"bulkhead_guard_halted\"", "metric = \"guard halted\"", "alerts[1].metric \"guard halted\" is not a metric name")]
    [InlineData("retries = 3", "retries = 99", "alerting.webhooks.desk.retries = 99 is out of range")]
    [InlineData("evaluate_every = \"2s\"", "evaluate_every = \"2s\"\nreconcile_every = \"5s\"", "alerting.reconcile_every = 5 s is too often: each run reads every account's whole history")]
    [InlineData("summary = \"a key is halted\"", "sumary = \"a key is halted\"", "unknown key \"sumary\" in [alerts[1]]")]
    public void Parse_AMistake_IsReportedWithItsFix(string from, string to, string message)
    {
        var text = Manifests.Small + Alerting.Replace(from, to, StringComparison.Ordinal);
        text.ShouldNotBe(Manifests.Small + Alerting);

        var result = Manifests.Parse(text);

        result.IsValid.ShouldBeFalse();
        result.Problems.Select(p => p.Message).ShouldContain(message, string.Join("\n", result.Problems));
        result.Problems.First(p => p.Message == message).Fix.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_AWebhookUrlThatIsNeitherAnUrlNorAReference_IsRefusedWithoutEchoingIt()
    {
        var text = Manifests.Small + Alerting.Replace("http://127.0.0.1:9099/hook", "xoxb-secret-token-value", StringComparison.Ordinal);

        var problem = Manifests.Parse(text).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("alerting.webhooks.desk.url is not an http(s) URL or a secret reference");
        problem.ToString().ShouldNotContain("xoxb");
    }

    [Fact]
    public void Parse_AnotherArrayOfTables_IsStillRefused()
    {
        var result = Manifests.Parse(Manifests.Small + "\n[[hooks]]\nname = \"x\"\n");

        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("[[hooks]] (an array of tables) is not part of the manifest");
    }
}
