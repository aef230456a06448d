namespace Bulkhead.Fleet.Treasury;

/// <summary>Spot asset ids (<c>ZUSD</c>, <c>XXBT</c>) and the Futures currency codes (<c>USD</c>, <c>XBT</c>) of the same money.</summary>
public static class TreasuryAssets
{
    private static readonly (string Spot, string Futures)[] Known = [("ZUSD", "USD"), ("ZEUR", "EUR"), ("ZGBP", "GBP"), ("XXBT", "XBT"), ("XETH", "ETH")];

    /// <summary>The Futures currency code of Spot asset <paramref name="spotId"/> (<c>ZUSD</c> → <c>USD</c>).</summary>
    public static string FuturesCurrency(string spotId)
    {
        ArgumentNullException.ThrowIfNull(spotId);
        return Known.FirstOrDefault(k => string.Equals(k.Spot, spotId, StringComparison.OrdinalIgnoreCase)).Futures ?? spotId.ToUpperInvariant();
    }

    /// <summary>The Spot asset id of a Futures currency code or Spot name (<c>usd</c>, <c>USD</c>, <c>ZUSD</c> → <c>ZUSD</c>).</summary>
    public static string SpotId(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Known.FirstOrDefault(k => string.Equals(k.Futures, currency, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Spot, currency, StringComparison.OrdinalIgnoreCase)).Spot
            ?? currency.ToUpperInvariant();
    }
}
