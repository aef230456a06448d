using System.Globalization;
using Bulkhead.Dashboard.Documents;
using Bulkhead.Runtime.Alerts;

namespace Bulkhead.Dashboard.View;

/// <summary>The alerts part: the supervisor's alert service, as it is.</summary>
internal sealed partial class FleetView
{
    private AlertsPart AlertsPart()
    {
        if (Alerts is not { } alerts)
        {
            return new AlertsPart(_manifest.Alerts.Length, [], [], [], 0, null, _manifest.Alerts.IsEmpty ? null : "the alert rules are not evaluated");
        }

        return new AlertsPart(
            alerts.Rules.Count,
            [.. alerts.Firing.Select(View)],
            [.. alerts.Recent.Take(20).Select(View)],
            [.. alerts.Webhooks.Select(w => new WebhookView(w.Name, w.Problem))],
            alerts.DeadLetters.Written,
            alerts.DeadLetters.Path,
            null);
    }

    private static AlertView View(AlertNotification n) => new(
        n.Id,
        n.Status == AlertStatus.Firing ? "firing" : "resolved",
        n.Rule,
        n.Severity.ToString().ToLowerInvariant(),
        n.Summary,
        n.Series,
        n.Value,
        $"{n.Condition} for {n.For.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        n.Since,
        n.Time);
}
