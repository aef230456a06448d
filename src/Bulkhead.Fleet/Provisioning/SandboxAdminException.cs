namespace Bulkhead.Fleet.Provisioning;

/// <summary>The sandbox's admin API refused a call or could not be reached. The message quotes the sandbox's error, never a secret.</summary>
public sealed class SandboxAdminException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SandboxAdminException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SandboxAdminException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SandboxAdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, when the sandbox answered.</summary>
    public int? Status { get; init; }
}
