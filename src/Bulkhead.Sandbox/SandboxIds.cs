using System.Security.Cryptography;

namespace Bulkhead.Sandbox;

/// <summary>Kraken-style identifiers: txids, trade ids, ledger ids, refids.</summary>
internal static class SandboxIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A prefix letter and 5-5-6 groups of upper-case letters and digits (<c>OQCLML-BW3P3-BUCMWZ</c> with prefix O).</summary>
    public static string New(char prefix)
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{prefix}{chars[..5]}-{chars[5..10]}-{chars[10..]}";
    }
}
