namespace Bulkhead.Fleet.Treasury;

/// <summary>The exchange could not be read (ledger, account log, balances): nothing was decided, nothing moved.</summary>
public sealed class TreasuryExchangeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TreasuryExchangeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TreasuryExchangeException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public TreasuryExchangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
