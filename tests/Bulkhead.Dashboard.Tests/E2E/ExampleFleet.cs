using System.Text.RegularExpressions;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>The names declared in examples/fleet.toml (copied beside the tests), which the dashboard's tree must show.</summary>
internal static partial class ExampleFleet
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "fleet.toml")));

    public static IReadOnlyList<string> Subaccounts => Names("subaccounts");

    public static IReadOnlyList<string> Strategies => Names("strategies");

    public static IReadOnlyList<string> Processes => Names("processes");

    public static string Master => MasterName().Match(Text.Value).Groups[1].Value;

    private static List<string> Names(string section) =>
        [.. Table().Matches(Text.Value).Where(m => m.Groups[1].Value == section).Select(m => m.Groups[2].Value)];

    [GeneratedRegex(@"^\[(\w+)\.([\w-]+)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex Table();

    [GeneratedRegex(@"^\[master\]\s*\nname\s*=\s*""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex MasterName();
}
