using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Runtime.Metrics;

namespace Bulkhead.Runtime.Alerts;

/// <summary>
/// The supervisor's alerting: every <see cref="AlertingSettings.EvaluateEvery"/> it collects the fleet's metrics (the
/// same collection /metrics serves), runs the manifest's <c>[[alerts]]</c> rules through an <see cref="AlertEvaluator"/>
/// and hands each notification to the rule's webhooks, which retry and dead-letter (<see cref="WebhookDelivery"/>).
/// Adds <c>bulkhead.alerts.firing</c> and <c>bulkhead.alerts.notifications</c> to the fleet's meter; the dashboard shows
/// <see cref="Firing"/> and <see cref="Recent"/>.
/// </summary>
public sealed class AlertService : IAsyncDisposable
{
    private readonly FleetMetrics _metrics;
    private readonly AlertServiceOptions _options;
    private readonly AlertEvaluator _evaluator;
    private readonly List<WebhookDelivery> _webhooks;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private readonly List<AlertNotification> _recent = [];
    private readonly Dictionary<(string Webhook, string Outcome), long> _outcomes = [];
    private readonly SemaphoreSlim _evaluating = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<AlertNotification> _firing = [];
    private Task _loop = Task.CompletedTask;

    private AlertService(FleetManifest manifest, string environment, FleetMetrics metrics, AlertServiceOptions options)
    {
        _metrics = metrics;
        _options = options;
        Manifest = manifest;
        _evaluator = new AlertEvaluator(manifest.Alerts);
        DeadLetters = new DeadLetterFile(Path.IsPathRooted(manifest.Alerting.DeadLetter) ? manifest.Alerting.DeadLetter : Path.Combine(manifest.BaseDirectory, manifest.Alerting.DeadLetter));
        _http = options.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _webhooks = [.. manifest.Alerting.Webhooks.Select(w =>
        {
            var (url, problem) = Resolve(manifest, w, options.GetVariable);
            return new WebhookDelivery(w, url, problem, _http, DeadLetters, options.Time, manifest.Fleet.Name, environment, Count, Log);
        })];
        metrics.Meter.CreateObservableGauge("bulkhead.alerts.firing", () => FiringCounts(),
            description: "Series of a rule's metric that are firing now (0 when none)");
        metrics.Meter.CreateObservableCounter("bulkhead.alerts.notifications", () => Outcomes(),
            unit: "{notification}", description: "Alert notifications per webhook by outcome: delivered, retried (one per failed attempt), dead-letter");
    }

    /// <summary>The manifest whose rules and webhooks these are.</summary>
    public FleetManifest Manifest { get; }

    /// <summary>The rules.</summary>
    public IReadOnlyList<AlertRule> Rules => _evaluator.Rules;

    /// <summary>Where undelivered alerts go.</summary>
    public DeadLetterFile DeadLetters { get; }

    /// <summary>The alerts firing after the last evaluation.</summary>
    public IReadOnlyList<AlertNotification> Firing
    {
        get
        {
            lock (_gate)
            {
                return _firing;
            }
        }
    }

    /// <summary>The latest notifications (firing and resolved), newest first, at most 50.</summary>
    public IReadOnlyList<AlertNotification> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Each webhook's name and why it cannot send (an unresolved URL), or null when it can.</summary>
    public IReadOnlyList<(string Name, string? Problem)> Webhooks => [.. _webhooks.Select(w => (w.Name, w.Problem))];

    /// <summary>
    /// Checks the rules against the metrics the supervisor has (a rule on a metric it lacks is a configuration error, each
    /// one given as <c>file:line:col: error: … — fix: …</c>) and starts evaluating them.
    /// </summary>
    /// <exception cref="InvalidManifestException">A rule watches a metric the supervisor does not have.</exception>
    public static async Task<AlertService> StartAsync(FleetManifest manifest, string environment, FleetMetrics metrics, AlertServiceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        var service = new AlertService(manifest, environment, metrics, options);
        try
        {
            var unknown = AlertEvaluator.UnknownMetrics(manifest.Alerts, await metrics.CollectAsync(cancellationToken).ConfigureAwait(false));
            if (unknown.Length > 0)
            {
                throw new InvalidManifestException(unknown);
            }

            foreach (var (name, problem) in service.Webhooks.Where(w => w.Problem is not null))
            {
                service.Log($"alerts: webhook {name} cannot send ({problem}): its alerts go to {service.DeadLetters.Path}");
            }

            service._loop = Task.Run(() => service.LoopAsync(service._stop.Token), CancellationToken.None);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One evaluation now: collect, evaluate, send. Returns what fired and resolved.</summary>
    public async Task<IReadOnlyList<AlertNotification>> EvaluateAsync(CancellationToken cancellationToken)
    {
        await _evaluating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await _metrics.CollectAsync(cancellationToken).ConfigureAwait(false);
            var notifications = _evaluator.Evaluate(snapshot, _options.Time.GetUtcNow());
            lock (_gate)
            {
                _firing = _evaluator.Firing;
                _recent.InsertRange(0, notifications.Reverse());
                if (_recent.Count > 50)
                {
                    _recent.RemoveRange(50, _recent.Count - 50);
                }
            }

            foreach (var notification in notifications)
            {
                var rule = _evaluator.Rules.First(r => r.Name == notification.Rule);
                Log($"alerts: {notification.Rule} {(notification.Status == AlertStatus.Firing ? "FIRING" : "resolved")}: {notification.Series} = {notification.Value} ({notification.Condition})");
                foreach (var webhook in _webhooks.Where(w => rule.Webhooks.IsEmpty || rule.Webhooks.Contains(w.Name)))
                {
                    webhook.Enqueue(notification);
                }
            }

            return notifications;
        }
        finally
        {
            _evaluating.Release();
        }
    }

    /// <summary>Stops evaluating; whatever is still queued or being retried goes to the dead-letter file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var webhook in _webhooks)
        {
            await webhook.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
        _stop.Dispose();
        _evaluating.Dispose();
    }

    private static (Uri? Url, string? Problem) Resolve(FleetManifest manifest, AlertWebhook webhook, Func<string, string?> getVariable)
    {
        string text;
        try
        {
            text = webhook.UrlIsSecret ? SecretResolver.ForManifest(manifest, getVariable).ResolveValue(webhook.Url) : webhook.Url;
        }
        catch (SecretsException e)
        {
            return (null, $"its url {e.Message}");
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? (url, null)
            : (null, $"its url ({webhook.Url}) does not resolve to an http(s) URL");
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await EvaluateAsync(stop).ConfigureAwait(false);
                await Task.Delay(Manifest.Alerting.EvaluateEvery, _options.Time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The evaluation loop survives any one bad round (logged); alerts must keep flowing.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log($"alerts: evaluation failed: {e.GetType().Name}: {e.Message}");
                await Task.Delay(Manifest.Alerting.EvaluateEvery, _options.Time, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private IEnumerable<System.Diagnostics.Metrics.Measurement<int>> FiringCounts()
    {
        var firing = Firing;
        return Rules.Select(r => new System.Diagnostics.Metrics.Measurement<int>(
            firing.Count(f => f.Rule == r.Name), new("alert", r.Name), new("severity", r.Severity.ToString().ToLowerInvariant())));
    }

    private List<System.Diagnostics.Metrics.Measurement<long>> Outcomes()
    {
        lock (_gate)
        {
            return [.. _outcomes.Select(o => new System.Diagnostics.Metrics.Measurement<long>(o.Value, new("webhook", o.Key.Webhook), new("outcome", o.Key.Outcome)))];
        }
    }

    private void Count(string webhook, string outcome)
    {
        lock (_gate)
        {
            _outcomes[(webhook, outcome)] = _outcomes.GetValueOrDefault((webhook, outcome)) + 1;
        }
    }

    private void Log(string line) => _options.Log?.Invoke(line);
}
