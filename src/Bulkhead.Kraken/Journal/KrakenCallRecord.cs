using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Journal;

/// <summary>
/// One attempt of a signed call, as the private call pipeline saw it. Holds no credential: the key appears only by the
/// name its owner gave it (<see cref="Transport.KrakenKey.Name"/>).
/// </summary>
/// <param name="Time">When the attempt started (the client's <see cref="TimeProvider"/>).</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Endpoint">The method or path as the client named it: <c>Balance</c>, <c>AddOrder</c>, <c>openpositions</c>.</param>
/// <param name="KeyName">The key's name, or null when the key was not given one.</param>
/// <param name="ErrorCode">Null when the call succeeded; else the error's code (the exchange's wire string verbatim, or a <c>Bulkhead:</c> code).</param>
/// <param name="ErrorOrigin">Null when the call succeeded; else where the error was decided (a local refusal never reached the network).</param>
/// <param name="Duration">How long the attempt took, rate-limit waiting included.</param>
public sealed record KrakenCallRecord(
    DateTimeOffset Time,
    string Venue,
    string Endpoint,
    string? KeyName,
    string? ErrorCode,
    KrakenErrorOrigin? ErrorOrigin,
    TimeSpan Duration)
{
    /// <summary>True when the attempt succeeded.</summary>
    public bool Succeeded => ErrorCode is null;
}
