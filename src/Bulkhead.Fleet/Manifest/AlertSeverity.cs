namespace Bulkhead.Fleet.Manifest;

/// <summary>How urgent an alert is (passed to the webhooks as written).</summary>
public enum AlertSeverity
{
    /// <summary>For the record.</summary>
    Info,

    /// <summary>Someone should look soon.</summary>
    Warning,

    /// <summary>Someone must act now.</summary>
    Critical,
}
