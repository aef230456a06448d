namespace Bulkhead.TestStrategies;

/// <summary>A type that is not a strategy: the worker refuses it with a configuration halt naming the interface.</summary>
public sealed class NotAStrategy
{
}
