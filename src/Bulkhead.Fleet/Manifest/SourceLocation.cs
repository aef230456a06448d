namespace Bulkhead.Fleet.Manifest;

/// <summary>Where something was declared in a manifest: file, 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for things that were not declared (defaults).</summary>
    public static SourceLocation None(string file) => new(file, 0, 0);

    /// <summary><c>file:line:column</c>, the form compilers use.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
