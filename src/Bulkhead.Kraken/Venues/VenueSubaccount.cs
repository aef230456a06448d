namespace Bulkhead.Kraken.Venues;

/// <summary>A subaccount of the calling (master) account.</summary>
/// <param name="AccountId">The subaccount's id (the one transfers and trading switches take).</param>
/// <param name="Email">Its e-mail address, when reported.</param>
/// <param name="Name">Its holder's name, when reported.</param>
/// <param name="Balances">Its holdings per wallet and currency.</param>
/// <param name="AvailableMargin">The available margin of its multi-collateral wallet, when it has one.</param>
public sealed record VenueSubaccount(string AccountId, string? Email, string? Name, IReadOnlyList<VenueBalance> Balances, decimal? AvailableMargin);
