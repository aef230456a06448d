namespace Bulkhead.Kraken.Spot.Models;

/// <summary>A new market or limit order.</summary>
public sealed record OrderRequest
{
    /// <summary>The pair id or alternative name, e.g. <c>XBTUSD</c>.</summary>
    public required string Pair { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Market or limit.</summary>
    /// <value><see cref="SpotOrderType.Limit"/>.</value>
    public SpotOrderType Type { get; init; } = SpotOrderType.Limit;

    /// <summary>The volume in the base asset (in the quote asset with <see cref="OrderConditions.VolumeInQuote"/>).</summary>
    public required decimal Volume { get; init; }

    /// <summary>The limit price; required for limit orders, absent for market orders.</summary>
    /// <value>Null.</value>
    public decimal? Price { get; init; }

    /// <summary>Order flags.</summary>
    /// <value><see cref="OrderConditions.None"/>.</value>
    public OrderConditions Conditions { get; init; }

    /// <summary>Time in force; null sends none (the exchange's default, good till cancelled).</summary>
    /// <value>Null.</value>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>When a <see cref="Models.TimeInForce.GoodTillDate"/> order expires.</summary>
    /// <value>Null.</value>
    public DateTimeOffset? ExpireAt { get; init; }

    /// <summary>
    /// The client order id (Kraken accepts a UUID or up to 18 characters). Null: the client generates a UUID, so that a
    /// placement whose answer is lost can be looked up instead of sent twice.
    /// </summary>
    /// <value>Null.</value>
    public string? ClientOrderId { get; init; }

    /// <summary>A 32-bit user reference shared by a group of orders.</summary>
    /// <value>Null.</value>
    public int? UserReference { get; init; }

    /// <summary>Validate only: the exchange checks the order and places nothing.</summary>
    /// <value>False.</value>
    public bool ValidateOnly { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the request cannot be sent as it is.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Pair, nameof(Pair));
        if (Volume <= 0)
        {
            throw new ArgumentException($"Volume must be positive, not {Volume}.", nameof(Volume));
        }

        switch (Type)
        {
            case SpotOrderType.Limit when Price is not > 0:
                throw new ArgumentException("A limit order needs a positive Price.", nameof(Price));
            case SpotOrderType.Market when Price is not null:
                throw new ArgumentException("A market order takes no Price.", nameof(Price));
            case not (SpotOrderType.Limit or SpotOrderType.Market):
                throw new ArgumentException($"Only market and limit orders are typed; send {Type} with SpotClient.CallPrivateAsync.", nameof(Type));
        }

        if ((TimeInForce == Models.TimeInForce.GoodTillDate) != ExpireAt.HasValue)
        {
            throw new ArgumentException("ExpireAt goes with TimeInForce.GoodTillDate, and only with it.", nameof(ExpireAt));
        }

        if (ClientOrderId is { } id && (id.Length == 0 || id.Length > 36 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'))))
        {
            throw new ArgumentException("ClientOrderId must be a UUID or up to 18 letters, digits and dashes.", nameof(ClientOrderId));
        }
    }
}
