namespace Bulkhead.Dashboard.Sources;

/// <summary>What one source gave: a value, or why it could not be read (never both null).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value (default when it failed).</param>
/// <param name="Error">Why it failed (null when it did not).</param>
internal readonly record struct Reading<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;

    public static Reading<T> Of(T value) => new(value, null);

    public static Reading<T> Failed(string error) => new(default, error);
}
