namespace Bulkhead.Cli.Commands;

/// <summary>What a command reads from outside itself: environment variables, the clock, the output streams. Tests substitute it.</summary>
internal sealed class CliEnvironment
{
    public required Func<string, string?> GetVariable { get; init; }

    public required TimeProvider Time { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Standard input: where secrets are read from (never argv, which other users can see in <c>ps</c>).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when standard input is a terminal: a secret is then prompted for without echo.</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>True when standard output is a terminal: long-running commands then draw a live table instead of lines.</summary>
    public bool OutputIsTerminal { get; init; }

    public static CliEnvironment FromProcess() => new()
    {
        GetVariable = Environment.GetEnvironmentVariable,
        Time = TimeProvider.System,
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        InputIsTerminal = !Console.IsInputRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>The data folder: <c>--data</c>, else <c>BULKHEAD_HOME</c>, else <c>~/.bulkhead</c>.</summary>
    public string DataFolder(string? option) =>
        option ?? GetVariable("BULKHEAD_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bulkhead");
}
