namespace Bulkhead.Kraken.Sockets.Tokens;

/// <summary>
/// A WebSocket token from <c>GetWebSocketsToken</c>. It is a credential (it trades on its key's account), so it is a
/// class, never a record: <see cref="ToString"/> masks it, and only this library reads its value, to write it into
/// <c>params.token</c>.
/// </summary>
public sealed class SocketToken
{
    /// <summary>Wraps a token.</summary>
    /// <param name="value">The token as Kraken issued it.</param>
    /// <param name="issuedAt">When it was fetched.</param>
    /// <param name="validFor">How long it is valid unused (Kraken: 900 seconds).</param>
    public SocketToken(string value, DateTimeOffset issuedAt, TimeSpan validFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validFor, TimeSpan.Zero);
        Value = value;
        IssuedAt = issuedAt;
        ValidFor = validFor;
    }

    /// <summary>When it was fetched.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>How long it is valid unused.</summary>
    public TimeSpan ValidFor { get; }

    /// <summary>When it lapses unless a private subscription holds it.</summary>
    public DateTimeOffset LapsesAt => IssuedAt + ValidFor;

    internal string Value { get; }

    /// <inheritdoc />
    public override string ToString() => $"SocketToken(***, issued {IssuedAt:O}, valid {ValidFor})";
}
