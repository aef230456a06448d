namespace Bulkhead.Fleet.Manifest;

/// <summary>Which side of its threshold a rule's metric must be on for the alert to fire.</summary>
public enum AlertComparison
{
    /// <summary>Fires while the value is greater than the threshold (<c>above = …</c>).</summary>
    Above,

    /// <summary>Fires while the value is less than the threshold (<c>below = …</c>).</summary>
    Below,
}
