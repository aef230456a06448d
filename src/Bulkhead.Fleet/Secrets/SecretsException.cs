namespace Bulkhead.Fleet.Secrets;

/// <summary>
/// The secrets file, its key or a secret reference cannot be used. The message names the file, the entry or the variable
/// and says what to do; it never contains a secret, an API key or the file key.
/// </summary>
public sealed class SecretsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretsException()
    {
    }

    /// <summary>Creates the exception with a message (which must not contain any secret).</summary>
    public SecretsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause (whose message must not contain any secret either).</summary>
    public SecretsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
