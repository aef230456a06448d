namespace Bulkhead.Kraken.Venues;

/// <summary>Everything an account holds: per wallet and currency, and the margin state of each margin wallet.</summary>
/// <param name="Balances">One entry per wallet and currency.</param>
/// <param name="Margins">One entry per margin wallet.</param>
public sealed record VenueBalances(IReadOnlyList<VenueBalance> Balances, IReadOnlyList<VenueMargin> Margins)
{
    /// <summary>The multi-collateral margin wallet's state (<see cref="WalletKind.Margin"/>), or null when the account has none (Spot).</summary>
    public VenueMargin? Margin => Margins.FirstOrDefault(m => m.Kind == WalletKind.Margin);
}
