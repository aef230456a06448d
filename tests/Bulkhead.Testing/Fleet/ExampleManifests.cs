namespace Bulkhead.Testing.Fleet;

/// <summary>Edits of examples/fleet.toml for tests that need something the example does not do by default.</summary>
public static class ExampleManifests
{
    private const string Momentum = "[strategies.momo]";
    private const string Hedge = "[strategies.hedge]";

    /// <summary>
    /// The two trend strategies made eager: a 3-second lookback, no fee gate, a 5-second hold and 2 seconds between orders,
    /// so they trade within seconds of start and keep trading — for tests about plumbing (journal, halts, flattening,
    /// restarts), not about the strategies' economics (tests/Bulkhead.Runtime.Tests/Strategies cover those).
    /// </summary>
    public static string EagerTrends(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        const string Eager = "lookback_seconds = \"3\", threshold_bps = \"1\", fee_cover = \"0\", min_hold_seconds = \"5\", cooldown_seconds = \"2\"";
        return ReplaceParams(ReplaceParams(manifest, Momentum, $"{{ {Eager}, target_position = \"0.2\" }}"), Hedge, $"{{ {Eager}, target_position = \"0.25\" }}");
    }

    private static string ReplaceParams(string manifest, string table, string parameters)
    {
        var at = manifest.IndexOf(table, StringComparison.Ordinal);
        var start = at < 0 ? -1 : manifest.IndexOf("\nparams = ", at, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"the manifest has no params in {table}", nameof(manifest));
        }

        var end = manifest.IndexOf('\n', start + 1);
        return string.Concat(manifest.AsSpan(0, start), "\nparams = ", parameters, manifest.AsSpan(end));
    }
}
