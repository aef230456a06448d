namespace Bulkhead.Fleet.Manifest;

/// <summary>One thing wrong with a manifest: where, what, and how to fix it.</summary>
/// <param name="Location">File, line and column.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record ManifestProblem(SourceLocation Location, string Message, string Fix)
{
    /// <summary><c>fleet.toml:12:3: error: … — fix: …</c></summary>
    public override string ToString() => $"{Location}: error: {Message} — fix: {Fix}";
}
