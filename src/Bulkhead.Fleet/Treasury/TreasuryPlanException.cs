namespace Bulkhead.Fleet.Treasury;

/// <summary>A treasury request that cannot be planned (unknown account, bad amount, more than the balance); nothing was sent.</summary>
public sealed class TreasuryPlanException : Exception
{
    /// <summary>Creates the exception with the message naming what to fix.</summary>
    public TreasuryPlanException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TreasuryPlanException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public TreasuryPlanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
