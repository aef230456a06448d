namespace Bulkhead.Sandbox.Trading;

/// <summary>The dead man's switch of one account (Kraken <c>CancelAllOrdersAfter</c>).</summary>
/// <param name="CurrentTime">When it was (re)armed or disarmed.</param>
/// <param name="TriggerTime">When all the account's orders are cancelled; null when disarmed.</param>
public sealed record SandboxDeadMansSwitch(DateTimeOffset CurrentTime, DateTimeOffset? TriggerTime);
