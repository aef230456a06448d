namespace Bulkhead.Fleet.Manifest;

/// <summary>What an environment is: a local sandbox, a sandbox provisioned exactly like production (UAT), or Kraken itself.</summary>
public enum EnvironmentKind
{
    /// <summary>A Bulkhead sandbox; keys are provisioned through its admin API.</summary>
    Sandbox,

    /// <summary>A sandbox provisioned exactly like production, where a key configuration is tried first.</summary>
    Uat,

    /// <summary>Kraken; keys are created by hand (see <c>bulkhead plan</c>).</summary>
    Production,
}
