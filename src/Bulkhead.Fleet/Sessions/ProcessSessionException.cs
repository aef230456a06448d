namespace Bulkhead.Fleet.Sessions;

/// <summary>A manifest process's key could not be opened; the message says why and what to fix, never a secret.</summary>
public sealed class ProcessSessionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProcessSessionException(ProcessSessionFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    /// <summary>Creates the exception (serialization-free default).</summary>
    public ProcessSessionException()
        : this(ProcessSessionFailure.Configuration, "the process's key could not be opened")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProcessSessionException(string message)
        : this(ProcessSessionFailure.Configuration, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProcessSessionException(string message, Exception innerException)
        : this(ProcessSessionFailure.Configuration, message, innerException)
    {
    }

    /// <summary>What kind of failure.</summary>
    public ProcessSessionFailure Failure { get; }
}
