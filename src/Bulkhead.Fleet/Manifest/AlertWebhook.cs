namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[alerting.webhooks.NAME]</c> table: where alerts are POSTed, how, and how hard to try.</summary>
/// <param name="Name">Its name (rules name it in <c>webhooks = […]</c>).</param>
/// <param name="Url">An http(s) URL, or a secret reference (<c>env:VAR</c>, <c>store:NAME</c>) for URLs that are secrets themselves (Slack's are).</param>
/// <param name="Format">The body's format.</param>
/// <param name="Retries">How many more attempts after a failed one before the alert goes to the dead-letter file.</param>
/// <param name="Backoff">The wait before the first retry; it doubles per retry, up to 30 s.</param>
/// <param name="Timeout">How long one attempt may take.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record AlertWebhook(string Name, string Url, AlertWebhookFormat Format, int Retries, TimeSpan Backoff, TimeSpan Timeout, SourceLocation Location)
{
    /// <summary>True when <see cref="Url"/> is a secret reference rather than the URL itself.</summary>
    public bool UrlIsSecret => Url.StartsWith("env:", StringComparison.Ordinal) || Url.StartsWith("store:", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"AlertWebhook {{ Name = {Name}, Url = {(UrlIsSecret ? Url : "(set)")}, Format = {Format}, Retries = {Retries} }}";
}
