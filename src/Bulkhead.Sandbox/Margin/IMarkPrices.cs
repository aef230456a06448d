namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Where margin reads prices: the mark price of each perpetual (positions, margin, liquidation) and its index price
/// (valuing non-USD collateral). The market (MARKET's price path) moves them through
/// <see cref="SandboxExchange.UpdateMarkPrice"/>; until then they are the catalogue's indicative prices.
/// </summary>
public interface IMarkPrices
{
    /// <summary>The mark price of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The instrument is unknown.</exception>
    decimal Mark(string symbol);

    /// <summary>The index (spot) price underlying <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The instrument is unknown.</exception>
    decimal Index(string symbol);
}
