namespace Bulkhead.Fleet.Provisioning;

/// <summary>The sandbox's state contradicts the manifest in a way provisioning will not repair by itself (it says what to do).</summary>
public sealed class ProvisioningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProvisioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
