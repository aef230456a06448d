namespace Bulkhead.Kraken.Journal;

/// <summary>
/// Receives one <see cref="KrakenCallRecord"/> per attempt of a signed call (each retry is its own attempt), so that an
/// auditor can later see which endpoints each key really used, from which process and host. Records carry the key's
/// <em>name</em> (<see cref="Transport.KrakenKey.Name"/>), never the API key or its secret.
/// </summary>
/// <remarks>
/// Called on the calling thread after the attempt finished; an implementation must be quick, thread-safe and must not
/// throw (a journal that cannot write should report that through its own channel, never fail the trade).
/// Set it on <see cref="Transport.KrakenClientOptions.CallJournal"/>.
/// </remarks>
public interface ICallJournal
{
    /// <summary>Records one attempt.</summary>
    void Record(KrakenCallRecord record);
}
