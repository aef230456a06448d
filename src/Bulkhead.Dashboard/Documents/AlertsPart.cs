namespace Bulkhead.Dashboard.Documents;

/// <summary>The manifest's alert rules at work: what fires now, the latest notifications, the webhooks and the dead letters.</summary>
/// <param name="Rules">How many <c>[[alerts]]</c> rules are evaluated.</param>
/// <param name="Firing">Alerts firing now.</param>
/// <param name="Recent">The latest notifications (firing and resolved), newest first.</param>
/// <param name="Webhooks">Each webhook and why it cannot send (null: it can).</param>
/// <param name="DeadLetters">Alerts written to the dead-letter file since the supervisor started.</param>
/// <param name="DeadLetterFile">The dead-letter file.</param>
/// <param name="Error">Why alerts are not evaluated (null when they are, or when there are no rules).</param>
public sealed record AlertsPart(int Rules, IReadOnlyList<AlertView> Firing, IReadOnlyList<AlertView> Recent, IReadOnlyList<WebhookView> Webhooks, int DeadLetters, string? DeadLetterFile, string? Error);
