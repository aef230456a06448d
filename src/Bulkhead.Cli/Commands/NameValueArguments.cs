namespace Bulkhead.Cli.Commands;

/// <summary>Parses <c>name=value</c> command-line arguments into ordered request parameters.</summary>
internal static class NameValueArguments
{
    public static bool TryParse(IEnumerable<string> arguments, out List<KeyValuePair<string, string>> parameters, out string? problem)
    {
        parameters = [];
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"'{argument}' is not a parameter: write name=value, e.g. pair=XBTUSD";
                return false;
            }

            var name = argument[..equals];
            if (string.Equals(name, "nonce", StringComparison.Ordinal))
            {
                problem = "do not pass nonce=…: bulkhead draws nonces from the key's own nonce sequence";
                return false;
            }

            parameters.Add(new(name, argument[(equals + 1)..]));
        }

        problem = null;
        return true;
    }
}
