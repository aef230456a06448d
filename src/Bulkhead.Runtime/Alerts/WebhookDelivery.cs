using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Alerts;

/// <summary>
/// Delivers one webhook's alerts in order: each is POSTed (the webhook's format) until it answers 2xx, retried after
/// the webhook's backoff doubling per retry (at most 30 s) up to its retries, then written to the dead-letter file. A
/// webhook whose URL cannot be resolved (an unset variable) dead-letters everything at once. When the supervisor stops,
/// whatever is still queued or being retried goes to the dead-letter file too: no alert is dropped.
/// </summary>
internal sealed class WebhookDelivery : IAsyncDisposable
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    private readonly AlertWebhook _webhook;
    private readonly Uri? _url;
    private readonly HttpClient _http;
    private readonly DeadLetterFile _deadLetters;
    private readonly TimeProvider _time;
    private readonly string _fleet;
    private readonly string _environment;
    private readonly Action<string, string> _count;
    private readonly Action<string> _log;
    private readonly Channel<AlertNotification> _queue = Channel.CreateUnbounded<AlertNotification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookDelivery(AlertWebhook webhook, Uri? url, string? problem, HttpClient http, DeadLetterFile deadLetters, TimeProvider time, string fleet, string environment, Action<string, string> count, Action<string> log)
    {
        _webhook = webhook;
        _url = url;
        Problem = problem;
        _http = http;
        _deadLetters = deadLetters;
        _time = time;
        _fleet = fleet;
        _environment = environment;
        _count = count;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    public string Name => _webhook.Name;

    /// <summary>Why nothing can be sent (its URL could not be resolved), or null.</summary>
    public string? Problem { get; }

    public void Enqueue(AlertNotification notification) => _queue.Writer.TryWrite(notification);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await DeliverAsync(notification).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping: what is left goes to the dead-letter file below.
        }

        while (_queue.Reader.TryRead(out var left))
        {
            DeadLetter(left, 0, "not sent: the supervisor stopped first", Body(left));
        }
    }

    private async Task DeliverAsync(AlertNotification notification)
    {
        var body = Body(notification);
        if (_url is null)
        {
            DeadLetter(notification, 0, Problem ?? "no URL", body);
            return;
        }

        var attempts = 0;
        var error = string.Empty;
        var backoff = _webhook.Backoff;
        while (attempts <= _webhook.Retries)
        {
            attempts++;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                attempt.CancelAfter(_webhook.Timeout);
                using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var response = await _http.PostAsync(_url, content, attempt.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    _count(Name, "delivered");
                    return;
                }

                error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                DeadLetter(notification, attempts, $"not delivered before the supervisor stopped (last: {error})", body);
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                error = e is OperationCanceledException ? $"no answer within {_webhook.Timeout.TotalSeconds:0.###} s" : e.Message;
            }

            if (attempts <= _webhook.Retries)
            {
                _count(Name, "retried");
                _log($"alerts: webhook {Name}: {notification.Rule} attempt {attempts} failed ({error}); retrying in {backoff.TotalSeconds:0.###} s");
                try
                {
                    await Task.Delay(backoff, _time, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    DeadLetter(notification, attempts, $"not delivered before the supervisor stopped (last: {error})", body);
                    throw;
                }

                backoff = backoff + backoff < LongestBackoff ? backoff + backoff : LongestBackoff;
            }
        }

        DeadLetter(notification, attempts, error, body);
    }

    private void DeadLetter(AlertNotification notification, int attempts, string error, string body)
    {
        _deadLetters.Write(_time.GetUtcNow(), Name, notification, attempts, error, body);
        _count(Name, "dead-letter");
        _log($"alerts: webhook {Name}: {notification.Rule} ({notification.Id}) written to {_deadLetters.Path} after {attempts} attempt(s): {error}");
    }

    private string Body(AlertNotification notification) => AlertBodies.Write(notification, _webhook.Format, _fleet, _environment);
}
