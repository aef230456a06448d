namespace Bulkhead.Cli.Commands;

/// <summary>
/// The desk's own strategy in <c>bulkhead demo</c>: when examples/strategies/build.sh has built Desk.Strategies.dll (the
/// <c>./bulkhead</c> script runs it; found beside the CLI in artifacts/strategies, or at <c>BULKHEAD_DEMO_STRATEGIES</c>),
/// the demo appends examples/strategies/demo-fleet.toml to the example fleet: a subaccount, the strategy loaded from that
/// assembly, its trader, flattener and reconciler with their keys.
/// </summary>
internal static class DemoDeskStrategy
{
    /// <summary>Names the built Desk.Strategies.dll when it is not beside the CLI.</summary>
    public const string Variable = "BULKHEAD_DEMO_STRATEGIES";

    private const string FragmentResource = "Bulkhead.Cli.examples.strategies.demo-fleet.toml";
    private const string Placeholder = "DESK_STRATEGIES_ASSEMBLY";

    /// <summary>The built assembly, or null (with the reason in <paramref name="why"/>).</summary>
    public static string? Find(CliEnvironment environment, out string why)
    {
        var path = environment.GetVariable(Variable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "strategies", "Desk.Strategies.dll"));
        why = File.Exists(path) ? string.Empty : $"{path} is not built (examples/strategies/build.sh builds it)";
        return File.Exists(path) ? path : null;
    }

    /// <summary><paramref name="manifest"/> with the desk strategy's tables appended, loading <paramref name="assembly"/>.</summary>
    public static async Task<string> AppendAsync(string manifest, string assembly)
    {
        await using var stream = typeof(DemoDeskStrategy).Assembly.GetManifestResourceStream(FragmentResource)
            ?? throw new InvalidOperationException($"the CLI was built without its embedded {FragmentResource}");
        using var reader = new StreamReader(stream);
        var fragment = await reader.ReadToEndAsync().ConfigureAwait(false);
        return manifest.TrimEnd() + "\n" + fragment.Replace(Placeholder, assembly.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
