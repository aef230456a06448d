namespace Bulkhead.Runtime.Strategies;

/// <summary>A strategy cannot be created: an unknown kind, or a user assembly or type that cannot be loaded or is not a strategy.</summary>
public sealed class StrategyLoadException : Exception
{
    /// <summary>A load failure with its reason.</summary>
    public StrategyLoadException(string message)
        : base(message)
    {
    }

    /// <summary>A load failure with its reason and cause.</summary>
    public StrategyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A load failure.</summary>
    public StrategyLoadException()
    {
    }
}
