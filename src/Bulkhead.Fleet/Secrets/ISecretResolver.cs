using Bulkhead.Kraken.Signing;

namespace Bulkhead.Fleet.Secrets;

/// <summary>Turns a manifest's secret reference into credentials (Contract C).</summary>
public interface ISecretResolver
{
    /// <summary>
    /// Resolves <c>store:NAME</c> (the entry NAME of the secrets file) or <c>env:VAR</c> (the API key in <c>VAR_KEY</c>, the
    /// secret in <c>VAR_SECRET</c>).
    /// </summary>
    /// <exception cref="SecretsException">The reference is malformed, the entry or variables are missing, the file cannot be
    /// decrypted, or the value is not a usable key; the message names the reference, never the value.</exception>
    KrakenCredentials Resolve(string reference);
}
