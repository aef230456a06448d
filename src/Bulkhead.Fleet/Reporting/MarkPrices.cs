namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// The marks one report or reconciliation values everything at, read once from the exchange's public data: Spot pairs
/// at the mid of the best bid and ask of <c>Ticker</c> (the last trade when a side is empty), Futures contracts at the
/// <c>markPrice</c> of <c>tickers</c>; assets in USD through their USD pair.
/// </summary>
/// <param name="Time">When they were read.</param>
/// <param name="Symbols">Mark per traded symbol as the journal names it (<c>XBTUSD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="Assets">USD per unit of each asset held (<c>ZUSD</c> = 1, <c>XXBT</c> = the XBTUSD mark).</param>
public sealed record MarkPrices(DateTimeOffset Time, IReadOnlyDictionary<string, decimal> Symbols, IReadOnlyDictionary<string, decimal> Assets)
{
    /// <summary>The mark of <paramref name="symbol"/>.</summary>
    /// <exception cref="InvalidOperationException">The exchange gave no mark for it.</exception>
    public decimal Symbol(string symbol) =>
        FindSymbol(symbol) ?? throw new InvalidOperationException($"no mark price for {symbol}: the exchange lists no ticker for it");

    /// <summary>USD per unit of <paramref name="asset"/>.</summary>
    /// <exception cref="InvalidOperationException">The asset has no USD pair on the exchange.</exception>
    public decimal Asset(string asset) =>
        FindAsset(asset) ?? throw new InvalidOperationException($"no USD mark for asset {asset}: the exchange lists no {asset}/USD pair");

    /// <summary>The mark of <paramref name="symbol"/>, or null when the exchange gave none.</summary>
    public decimal? FindSymbol(string symbol) => Symbols.TryGetValue(symbol, out var mark) ? mark : null;

    /// <summary>USD per unit of <paramref name="asset"/>, or null when it has no USD pair.</summary>
    public decimal? FindAsset(string asset) => Fills.FillPnl.IsUsd(asset) ? 1m : Assets.TryGetValue(asset, out var rate) ? rate : null;
}
