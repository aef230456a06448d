namespace Bulkhead.Testing.FakeKraken;

/// <summary>One request <see cref="FakeFuturesServer"/> received, as received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">URL path.</param>
/// <param name="Endpoint">The endpoint name (<c>sendorder</c>, <c>orders/status</c>, <c>account-log</c>, <c>trading-enabled</c>).</param>
/// <param name="Query">Raw query string without <c>?</c>.</param>
/// <param name="Body">Raw body.</param>
/// <param name="Nonce">The <c>Nonce</c> header, or null.</param>
/// <param name="Authenticated">True when <c>Authent</c> verified (false for public calls).</param>
public sealed record FakeFuturesRequest(string Method, string Path, string Endpoint, string Query, string Body, string? Nonce, bool Authenticated);
