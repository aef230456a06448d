using System.Collections.Immutable;

namespace Bulkhead.Fleet.Provisioning;

/// <summary>What a provisioning run did, step by step.</summary>
/// <param name="Environment">The environment provisioned.</param>
/// <param name="SecretsFile">The secrets file the new secrets went to.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record ProvisionReport(string Environment, string SecretsFile, ImmutableArray<ProvisionStep> Steps)
{
    /// <summary>True when something exists but differs from the manifest.</summary>
    public bool HasDrift => Steps.Any(s => s.Action == ProvisionAction.Drifted);

    /// <summary>How many steps changed something on the sandbox.</summary>
    public int Changes => Steps.Count(s => s.Action is ProvisionAction.Created or ProvisionAction.Replaced or ProvisionAction.Deposited);
}
