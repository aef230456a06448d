using System.Reflection;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Sdk;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// The strategies the worker runs: the built-in kinds (<c>[strategies.NAME] kind</c>) and strategies from the user's own
/// assembly (<c>strategy = { assembly, type }</c>, loaded into a <see cref="UserStrategyLoadContext"/> of its own).
/// </summary>
public static class StrategyCatalog
{
    /// <summary>Every built-in kind, in documentation order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [SpotMarketMaker.Kind, SpotMomentum.Kind, FuturesDirectional.Kind];

    /// <summary>A new strategy of <paramref name="kind"/>, or null when the kind is unknown.</summary>
    public static IStrategy? Create(string kind) => kind switch
    {
        SpotMarketMaker.Kind => new SpotMarketMaker(),
        SpotMomentum.Kind => new SpotMomentum(),
        FuturesDirectional.Kind => new FuturesDirectional(),
        _ => null,
    };

    /// <summary>
    /// A new instance of <paramref name="strategy"/>: its built-in kind, or its type from its own assembly (a path relative
    /// to <paramref name="baseDirectory"/>, the manifest's folder).
    /// </summary>
    /// <exception cref="StrategyLoadException">The kind is unknown, or the assembly or type cannot be loaded or is not a strategy.</exception>
    public static IStrategy Create(Strategy strategy, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.Assembly is not { } own)
        {
            return Create(strategy.Kind)
                ?? throw new StrategyLoadException($"strategy '{strategy.Name}' has kind '{strategy.Kind}'; the worker runs {string.Join(", ", Kinds)}, or strategy = {{ assembly, type }} for your own");
        }

        var path = own.FullPath(baseDirectory);
        if (!File.Exists(path))
        {
            throw new StrategyLoadException($"strategy '{strategy.Name}': its assembly {path} does not exist (build it, e.g. dotnet build, and check strategy.assembly)");
        }

        Type? type;
        try
        {
            var assembly = new UserStrategyLoadContext(path).LoadFromAssemblyPath(path);
            type = assembly.GetType(own.Type, throwOnError: false);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            throw new StrategyLoadException($"strategy '{strategy.Name}': {path} cannot be loaded: {e.Message}", e);
        }

        if (type is null)
        {
            throw new StrategyLoadException($"strategy '{strategy.Name}': {path} has no type {own.Type}");
        }

        if (!typeof(IStrategy).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new StrategyLoadException($"strategy '{strategy.Name}': {own.Type} must be a non-abstract class implementing {typeof(IStrategy).FullName} with a public parameterless constructor (built against this Bulkhead's SDK)");
        }

        try
        {
            return (IStrategy)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e)
        {
            throw new StrategyLoadException($"strategy '{strategy.Name}': the constructor of {own.Type} threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}", e);
        }
    }
}
