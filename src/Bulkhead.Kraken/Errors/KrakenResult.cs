using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Kraken.Errors;

/// <summary>The outcome of a Kraken call: a value, or a <see cref="KrakenError"/>. Never both, never neither.</summary>
/// <typeparam name="T">The result type.</typeparam>
public readonly struct KrakenResult<T>
{
    private KrakenResult(T? value, KrakenError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value, when <see cref="Success"/>.</summary>
    public T? Value { get; }

    /// <summary>The error, when not <see cref="Success"/>.</summary>
    public KrakenError? Error { get; }

    /// <summary>True when the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>A success.</summary>
    public static KrakenResult<T> Ok(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    /// <summary>A failure.</summary>
    public static KrakenResult<T> Fail(KrakenError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    /// <summary>The value, or a <see cref="KrakenException"/> carrying the error.</summary>
    public T GetValueOrThrow() => Success ? Value : throw new KrakenException(Error);

    /// <summary>Maps a success, passing a failure through.</summary>
    public KrakenResult<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Success ? KrakenResult<TOut>.Ok(map(Value)) : KrakenResult<TOut>.Fail(Error);
    }

    /// <summary>A failure.</summary>
    public static implicit operator KrakenResult<T>(KrakenError error) => Fail(error);

    /// <inheritdoc />
    public override string ToString() => Success ? $"Ok({Value})" : $"Fail({Error})";
}
