using Bulkhead.Kraken.Transport;

namespace Bulkhead.Cli.Commands;

/// <summary>What one <c>bulkhead api</c> call needs besides its key.</summary>
internal sealed record ApiCall(HttpClient Http, KrakenClientOptions ClientOptions, List<KeyValuePair<string, string>> Parameters);
