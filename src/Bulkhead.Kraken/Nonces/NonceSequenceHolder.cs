namespace Bulkhead.Kraken.Nonces;

/// <summary>The process that holds a key's nonce sequence. Carries no secret: the key appears masked.</summary>
/// <param name="MaskedKey">The API key, masked.</param>
/// <param name="ProcessId">The holder's operating-system process id.</param>
/// <param name="Host">The holder's host name.</param>
/// <param name="Since">When the holder took the sequence.</param>
public sealed record NonceSequenceHolder(string MaskedKey, int ProcessId, string Host, DateTimeOffset Since)
{
    /// <inheritdoc />
    public override string ToString() => $"key {MaskedKey} held by process {ProcessId} on {Host} since {Since:O}";
}
