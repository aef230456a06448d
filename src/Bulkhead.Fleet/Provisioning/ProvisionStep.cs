namespace Bulkhead.Fleet.Provisioning;

/// <summary>One line of the provisioning report. Never holds a secret; keys appear masked.</summary>
/// <param name="Subject">What it is about: <c>account desk</c>, <c>key mm-trader</c>, <c>deposit mm ZUSD</c>.</param>
/// <param name="Action">What was done.</param>
/// <param name="Detail">Details for humans.</param>
public sealed record ProvisionStep(string Subject, ProvisionAction Action, string Detail);
