namespace Bulkhead.Fleet.Manifest;

/// <summary>
/// A strategy from the user's own assembly (<c>[strategies.NAME] strategy = { assembly = "PATH", type = "NS.Type" }</c>):
/// the worker loads <see cref="Path"/> into a load context of its own and runs <see cref="Type"/>, which implements the
/// SDK's <c>IStrategy</c> and has a public parameterless constructor.
/// </summary>
/// <param name="Path">The assembly, as written (relative to the manifest's folder unless rooted).</param>
/// <param name="Type">The strategy type's full name.</param>
public sealed record StrategyAssembly(string Path, string Type)
{
    /// <summary>The assembly's full path, resolved against <paramref name="baseDirectory"/> (the manifest's folder).</summary>
    public string FullPath(string baseDirectory) => System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(baseDirectory, Path));
}
