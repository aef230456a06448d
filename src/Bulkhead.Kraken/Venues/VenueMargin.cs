namespace Bulkhead.Kraken.Venues;

/// <summary>The margin state of one margin wallet, in the wallet's valuation currency.</summary>
/// <param name="Kind">What the wallet is for (<see cref="WalletKind.Margin"/> or <see cref="WalletKind.IsolatedMargin"/>).</param>
/// <param name="Wallet">The wallet, as the venue names it.</param>
/// <param name="Currency">The currency the values are in (<c>USD</c> for a multi-collateral wallet).</param>
/// <param name="PortfolioValue">Collateral value plus unrealised profit and loss.</param>
/// <param name="AvailableMargin">What is left for new positions and orders.</param>
/// <param name="InitialMargin">Initial margin of open positions, when reported.</param>
/// <param name="MaintenanceMargin">Maintenance margin of open positions, when reported.</param>
public sealed record VenueMargin(WalletKind Kind, string Wallet, string Currency, decimal PortfolioValue, decimal AvailableMargin, decimal? InitialMargin, decimal? MaintenanceMargin);
