namespace Bulkhead.Dashboard.Documents;

/// <summary>One webhook (never its URL, which may be a secret).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Problem">Why it cannot send, or null.</param>
public sealed record WebhookView(string Name, string? Problem);
