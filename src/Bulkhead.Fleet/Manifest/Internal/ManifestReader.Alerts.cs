using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Bulkhead.Fleet.Manifest.Internal;

/// <summary>The <c>[alerting]</c> table (webhooks, dead-letter file, evaluation interval) and the <c>[[alerts]]</c> rules.</summary>
internal static partial class ManifestReader
{
    private static readonly string[] Formats = ["json", "slack"];
    private static readonly string[] Severities = ["info", "warning", "critical"];

    private static AlertingSettings ReadAlerting(TableReader root)
    {
        if (root.SubTable("alerting", false, "{ dead_letter = \"alerts-dead-letter.jsonl\" }") is not { } t)
        {
            return AlertingSettings.Default;
        }

        var every = Duration(t, "evaluate_every", "\"5s\"", allowZero: false) ?? AlertingSettings.Default.EvaluateEvery;
        var deadLetter = t.String("dead_letter", false, "\"alerts-dead-letter.jsonl\"") ?? AlertingSettings.Default.DeadLetter;
        var reconcile = Duration(t, "reconcile_every", "\"10m\"", allowZero: false);
        if (reconcile is { } r && r < TimeSpan.FromSeconds(10))
        {
            t.Error(t.LocationOf("reconcile_every"), $"alerting.reconcile_every = {r.TotalSeconds} s is too often: each run reads every account's whole history", "use 10s or more; 10m is plenty, e.g. reconcile_every = \"10m\"");
        }


        if (deadLetter.Trim().Length == 0)
        {
            t.Error(t.LocationOf("dead_letter"), "alerting.dead_letter is empty", "name a file, e.g. dead_letter = \"alerts-dead-letter.jsonl\"");
        }

        var webhooks = ImmutableArray.CreateBuilder<AlertWebhook>();
        if (t.SubTable("webhooks", false, "[alerting.webhooks.desk] url = \"https://hooks.example/desk\"") is { } hooks)
        {
            foreach (var (name, w) in hooks.Children())
            {
                webhooks.Add(ReadWebhook(name, w));
            }
        }

        t.RejectUnknown();
        return new AlertingSettings(every, deadLetter, webhooks.ToImmutable()) { ReconcileEvery = reconcile };
    }

    private static AlertWebhook ReadWebhook(string name, TableReader w)
    {
        var url = w.String("url", true, "\"https://hooks.example/desk\"") ?? string.Empty;
        if (url.StartsWith("env:", StringComparison.Ordinal) || url.StartsWith("store:", StringComparison.Ordinal))
        {
            SecretReference(w, "url", url);
        }
        else if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            // Never echo the value: a webhook URL often is a secret (Slack's are).
            w.Error(w.LocationOf("url"), $"{w.Qualified("url")} is not an http(s) URL or a secret reference", "write url = \"https://…\", or \"env:VAR\" / \"store:NAME\" when the URL is a secret");
        }

        var format = Enum<AlertWebhookFormat>(w, "format", false, Formats) ?? AlertWebhookFormat.Json;
        var retries = w.Integer("retries", "5") ?? 5;
        if (retries is < 0 or > 20)
        {
            w.Error(w.LocationOf("retries"), $"{w.Qualified("retries")} = {retries} is out of range", "use 0 to 20 retries, e.g. retries = 5");
            retries = 5;
        }

        var backoff = Duration(w, "backoff", "\"1s\"", allowZero: false) ?? TimeSpan.FromSeconds(1);
        var timeout = Duration(w, "timeout", "\"5s\"", allowZero: false) ?? TimeSpan.FromSeconds(5);
        w.RejectUnknown();
        return new AlertWebhook(name, url, format, (int)retries, backoff, timeout, w.Location);
    }

    private static ImmutableArray<AlertRule> ReadAlerts(TableReader root, AlertingSettings alerting)
    {
        var rules = ImmutableArray.CreateBuilder<AlertRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in root.TableArray("alerts", "[[alerts]] name = \"key-halted\""))
        {
            var name = t.String("name", true, "\"key-halted\"") ?? string.Empty;
            if (name.Length > 0 && !names.Add(name))
            {
                t.Error(t.LocationOf("name"), $"alert name \"{name}\" is used twice", "give every [[alerts]] rule its own name");
            }

            var metric = t.String("metric", true, "\"bulkhead_guard_halted\"") ?? string.Empty;
            if (metric.Length > 0 && !MetricName().IsMatch(metric))
            {
                t.Error(t.LocationOf("metric"), $"{t.Qualified("metric")} \"{metric}\" is not a metric name", "use a name /metrics shows, e.g. metric = \"bulkhead_strategy_drawdown_utilization_ratio\" (docs/operations.md lists them)");
            }

            var above = t.Decimal("above", "\"0.8\"");
            var below = t.Decimal("below", "\"0.1\"");
            if ((above is null) == (below is null))
            {
                t.Error(t.Location, $"[{t.Path}] needs exactly one threshold: above or below", "add above = \"0.8\" (fires while the value is greater) or below = \"0.1\" (while it is less)");
            }

            var duration = Duration(t, "for", "\"1m\"", allowZero: true) ?? TimeSpan.Zero;
            var severity = Enum<AlertSeverity>(t, "severity", false, Severities) ?? AlertSeverity.Warning;
            var summary = t.String("summary", false, "\"a key stopped signing\"");
            var where = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (t.SubTable("where", false, "{ strategy = \"mm\" }") is { } labels)
            {
                foreach (var entry in labels.Table.Entries)
                {
                    if (labels.String(entry.Name, false, "\"mm\"") is { } value)
                    {
                        where[entry.Name] = value;
                    }
                }
            }

            var webhooks = ImmutableArray.CreateBuilder<string>();
            foreach (var (hook, at) in t.Strings("webhooks", "[\"desk\"]"))
            {
                if (alerting.Webhooks.Any(w => w.Name == hook))
                {
                    webhooks.Add(hook);
                }
                else
                {
                    t.Error(at, $"alert \"{name}\" sends to webhook \"{hook}\", which [alerting.webhooks] does not declare", Suggest.Fix(hook, [.. alerting.Webhooks.Select(w => w.Name)], "webhooks"));
                }
            }

            t.RejectUnknown();
            rules.Add(new AlertRule(
                name, metric, above is not null ? AlertComparison.Above : AlertComparison.Below, above ?? below ?? 0m, duration, severity, summary,
                where.ToImmutable(), webhooks.ToImmutable(), t.Location));
        }

        return rules.ToImmutable();
    }

    private static TimeSpan? Duration(TableReader t, string key, string example, bool allowZero)
    {
        var text = t.String(key, false, example);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration, allowZero))
        {
            return duration;
        }

        t.Error(t.LocationOf(key), $"{t.Qualified(key)} \"{text}\" is not a duration", $"write e.g. {key} = {example} (ms, s, m or h)");
        return null;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:.]*$")]
    private static partial Regex MetricName();
}
