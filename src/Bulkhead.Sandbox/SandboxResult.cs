using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Sandbox;

/// <summary>A domain outcome: a value, or a <see cref="SandboxRejection"/> with a sentence saying what is wrong.</summary>
public readonly struct SandboxResult<T>
{
    private SandboxResult(T? value, SandboxRejection? rejection, string? detail)
    {
        Value = value;
        Rejection = rejection;
        Detail = detail;
    }

    /// <summary>The value on success.</summary>
    public T? Value { get; }

    /// <summary>The rejection on failure.</summary>
    public SandboxRejection? Rejection { get; }

    /// <summary>What is wrong, for humans (admin API); never a secret.</summary>
    public string? Detail { get; }

    /// <summary>True on success.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection), nameof(Detail))]
    public bool Success => Rejection is null;

    /// <summary>A success.</summary>
    public static SandboxResult<T> Ok(T value) => new(value, null, null);

    /// <summary>A refusal.</summary>
    public static SandboxResult<T> Fail(SandboxRejection rejection, string detail) => new(default, rejection, detail);
}
