namespace Bulkhead.Testing.FakeKraken;

/// <summary>One request the fake server received, as it saw it.</summary>
/// <param name="Method">The Kraken method, e.g. <c>Balance</c>.</param>
/// <param name="IsPrivate">True for <c>/0/private/…</c>.</param>
/// <param name="ApiKey">The <c>API-Key</c> header, if any (a public key, not a secret).</param>
/// <param name="Nonce">The body's nonce, if any.</param>
/// <param name="Parameters">The form (or query) parameters other than the nonce, in order.</param>
/// <param name="Headers">All request headers (none carries the secret; <c>API-Sign</c> is a MAC).</param>
/// <param name="Outcome">What the server answered: <c>ok</c>, a Kraken error string, or a fault name.</param>
public sealed record FakeSpotRequest(
    string Method,
    bool IsPrivate,
    string? ApiKey,
    long? Nonce,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyDictionary<string, string> Headers,
    string Outcome)
{
    /// <summary>The value of parameter <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(p => p.Key == name).Value;
}
