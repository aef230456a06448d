namespace Bulkhead.Runtime.Alerts;

/// <summary>What <see cref="AlertService"/> needs from its host.</summary>
public sealed class AlertServiceOptions
{
    /// <summary>The clock (evaluation interval, pending durations, retry backoff).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Reads environment variables (webhook URLs given as <c>env:VAR</c>, and the secrets file's key for <c>store:NAME</c>).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>The HTTP handler webhooks are sent through (null: a new one).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Receives one line per alert fired or resolved, per failed attempt and per dead letter; null: dropped.</summary>
    public Action<string>? Log { get; init; }
}
