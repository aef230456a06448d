using System.Text;

namespace Bulkhead.Kraken.Transport;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> as Kraken's clients write it: parameters in the given order, values escaped
/// with RFC 3986 rules (space as <c>%20</c>, never <c>+</c>).
/// </summary>
public static class FormEncoding
{
    /// <summary>Encodes parameters in order; an empty list gives an empty string.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
        }

        return builder.ToString();
    }
}
