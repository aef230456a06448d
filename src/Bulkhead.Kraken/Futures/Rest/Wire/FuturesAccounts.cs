namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>All wallets of the account (<c>GET /accounts</c>).</summary>
/// <param name="Cash">The cash wallet.</param>
/// <param name="Flex">The multi-collateral margin wallet.</param>
/// <param name="MarginAccounts">Single-collateral margin wallets by wallet name (<c>fi_xbtusd</c>).</param>
internal sealed record FuturesAccounts(FuturesCashAccount Cash, FuturesFlexAccount Flex, IReadOnlyDictionary<string, FuturesMarginAccount> MarginAccounts);
