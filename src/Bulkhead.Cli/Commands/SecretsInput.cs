using System.Text;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// Reads secrets from standard input — never from the command line, whose arguments every local user can read in
/// <c>ps</c> and <c>/proc/PID/cmdline</c> and which shells keep in their history. On a terminal the input is not echoed.
/// </summary>
internal static class SecretsInput
{
    /// <summary>One line from stdin (a hidden prompt on a terminal), trimmed; null at end of input.</summary>
    public static string? ReadLine(CliEnvironment environment, string prompt)
    {
        if (!environment.InputIsTerminal)
        {
            return environment.In.ReadLine()?.Trim();
        }

        environment.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                environment.Error.WriteLine();
                return text.ToString().Trim();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
