using System.Collections.Immutable;
using System.Globalization;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Sdk;

/// <summary>A strategy's <c>params</c> from the manifest, read as typed values; a bad value is a configuration error naming it.</summary>
public sealed class StrategyParameters
{
    private readonly ImmutableSortedDictionary<string, string> _values;
    private readonly string _strategy;

    /// <summary>Wraps the manifest's parameters of <paramref name="strategy"/>.</summary>
    public StrategyParameters(string strategy, ImmutableSortedDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(values);
        _strategy = strategy;
        _values = values;
    }

    /// <summary>The raw values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The decimal <paramref name="name"/>, or <paramref name="fallback"/> when absent; must be positive unless <paramref name="allowZero"/>.</summary>
    /// <exception cref="WorkerHaltException">The value is not a number in range (exit 2).</exception>
    public decimal GetDecimal(string name, decimal fallback, bool allowZero = false)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0m || (value == 0m && !allowZero))
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, $"strategy '{_strategy}': params.{name} = \"{text}\" must be a {(allowZero ? "non-negative" : "positive")} number");
        }

        return value;
    }

    /// <summary>A duration in seconds (<paramref name="name"/>), or <paramref name="fallback"/>.</summary>
    public TimeSpan GetSeconds(string name, TimeSpan fallback) =>
        _values.ContainsKey(name) ? TimeSpan.FromSeconds((double)GetDecimal(name, 0m)) : fallback;
}
