using Bulkhead.Runtime.Sdk;

namespace Bulkhead.Runtime.Strategies;

/// <summary>The strategy kinds the worker runs (<c>[strategies.NAME] kind</c>).</summary>
public static class StrategyCatalog
{
    /// <summary>Every kind, in documentation order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [SpotMarketMaker.Kind, SpotMomentum.Kind, FuturesDirectional.Kind];

    /// <summary>A new strategy of <paramref name="kind"/>, or null when the kind is unknown.</summary>
    public static IStrategy? Create(string kind) => kind switch
    {
        SpotMarketMaker.Kind => new SpotMarketMaker(),
        SpotMomentum.Kind => new SpotMomentum(),
        FuturesDirectional.Kind => new FuturesDirectional(),
        _ => null,
    };
}
