namespace Bulkhead.Fleet.Provisioning;

/// <summary>What provisioning did with one account, key or deposit.</summary>
public enum ProvisionAction
{
    /// <summary>It did not exist and was created (a key's secret stored).</summary>
    Created,

    /// <summary>It already existed as declared: left alone.</summary>
    Kept,

    /// <summary>A key was created anew because the stored one no longer exists (or drifted and replacing was asked for); the old one revoked.</summary>
    Replaced,

    /// <summary>Funds were deposited.</summary>
    Deposited,

    /// <summary>Nothing to do here (e.g. a key whose secret comes from the environment).</summary>
    Skipped,

    /// <summary>It exists but differs from the manifest and was left alone (pass <c>--recreate</c> to replace it).</summary>
    Drifted,
}
