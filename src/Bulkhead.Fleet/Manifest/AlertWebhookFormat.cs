namespace Bulkhead.Fleet.Manifest;

/// <summary>The body a webhook gets.</summary>
public enum AlertWebhookFormat
{
    /// <summary>A generic JSON document with every field of the alert.</summary>
    Json,

    /// <summary>A Slack-compatible incoming-webhook body: <c>{"text": "…"}</c>.</summary>
    Slack,
}
