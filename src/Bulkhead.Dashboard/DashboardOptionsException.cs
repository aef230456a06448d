namespace Bulkhead.Dashboard;

/// <summary>The dashboard's options cannot be served (a non-loopback address without a token, a bad address or port); the message names the fix.</summary>
public sealed class DashboardOptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DashboardOptionsException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public DashboardOptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DashboardOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
