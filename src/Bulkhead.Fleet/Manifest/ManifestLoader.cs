namespace Bulkhead.Fleet.Manifest;

/// <summary>Loads <c>fleet.toml</c>: parses it with Tomlyn, keeps every table's and key's line, and validates it, reporting every problem at once.</summary>
public static class ManifestLoader
{
    /// <summary>Loads and validates the manifest at <paramref name="path"/>.</summary>
    public static ManifestLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return ManifestLoadResult.Invalid([new ManifestProblem(SourceLocation.None(path), "the manifest file does not exist", "check the path, e.g. examples/fleet.toml")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates manifest text; <paramref name="file"/> names it in problems.</summary>
    public static ManifestLoadResult Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return Internal.ManifestReader.Read(text, file);
    }
}
