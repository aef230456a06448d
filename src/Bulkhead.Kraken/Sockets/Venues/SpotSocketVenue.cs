using System.Collections.Concurrent;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Sockets.Venues;

/// <summary>
/// A Spot account over Spot WebSocket v2 (<c>/auth/v2</c>): orders, cancels, the dead man's switch, open orders, fills with
/// fees, balances (<c>balances</c>) and tickers on the socket. REST through the same key's <see cref="SpotVenue"/> only
/// for what the socket cannot give: AssetPairs once (names, tick sizes), the whole fill history at start-up
/// (<c>TradesHistory</c>) and after a reconnect, and the ledger (reconciliation). Symbols and fee currencies are REST's
/// (<c>XBTUSD</c>, <c>ZUSD</c>), so the journal cannot tell the transports apart.
/// </summary>
public sealed class SpotSocketVenue : SocketAccountVenue
{
    private readonly SpotVenue _rest;
    private readonly ConcurrentDictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _balancesSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SpotSocketNames _names = SpotSocketNames.Empty;

    /// <summary>Sees the account of <paramref name="client"/> (Spot v2's private endpoint) as a venue, with <paramref name="rest"/> (the same key) for history.</summary>
    public SpotSocketVenue(KrakenSocketClient client, SpotVenue rest, TimeProvider time)
        : this(client, rest, time, null)
    {
    }

    private SpotSocketVenue(KrakenSocketClient client, SpotVenue rest, TimeProvider time, IDisposable? owned)
        : base(client, time, owned)
    {
        ArgumentNullException.ThrowIfNull(rest);
        if (client.Endpoint.Protocol != SocketProtocol.SpotV2)
        {
            throw new ArgumentException("A Spot socket venue needs a Spot v2 endpoint.", nameof(client));
        }

        _rest = rest;
    }

    /// <summary>
    /// The venue of <paramref name="spot"/>'s key on <paramref name="endpoint"/> (Spot v2 private): tokens and the
    /// ambiguous-order look-up through that key's REST client, the connection's records in <paramref name="journal"/>.
    /// Not started: call <see cref="SocketAccountVenue.StartAsync"/>.
    /// </summary>
    public static SpotSocketVenue Open(SpotClient spot, KrakenSocketEndpoint endpoint, TimeProvider time, ICallJournal? journal = null, Action<KrakenSocketOptions>? configure = null)
    {
        var client = OpenClient(spot, endpoint, time, journal, configure, out var tokens);
        return new SpotSocketVenue(client, new SpotVenue(spot), time, tokens);
    }

    /// <inheritdoc />
    public override Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default) =>
        _rest.GetInstrumentsAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>REST <c>Ledgers</c> (the socket's <c>balances</c> updates carry no history).</remarks>
    public override Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default) =>
        _rest.GetLedgerAsync(after, cancellationToken);

    /// <inheritdoc />
    public override Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default) =>
        _rest.GetLedgerEndAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>The state kept from <c>balances</c>, assets named by their REST ids: no request.</remarks>
    public override Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(KrakenResult<VenueBalances>.Ok(new VenueBalances(
            [.. _balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new VenueBalance(WalletKind.Spot, SpotVenue.Wallet, b.Key, b.Value, null))],
            [])));

    /// <inheritdoc />
    public override Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenuePosition>>.Ok([]));

    /// <inheritdoc />
    protected override async Task<KrakenResult<bool>> PrepareAsync(CancellationToken cancellationToken)
    {
        var pairs = await _rest.PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        _names = new SpotSocketNames(pairs.Value.Pairs.Values);
        return KrakenResult<bool>.Ok(true);
    }

    /// <inheritdoc />
    protected override async Task<KrakenResult<bool>> SubscribeAccountAsync(CancellationToken cancellationToken)
    {
        var balances = await Client.SubscribeBalancesAsync(cancellationToken).ConfigureAwait(false);
        if (!balances.Success)
        {
            return balances.Error;
        }

        Pump(balances.Value, ApplyBalances);
        return await WaitAsync(_balancesSnapshot.Task, cancellationToken).ConfigureAwait(false)
            ? KrakenResult<bool>.Ok(true)
            : KrakenErrors.Timeout(SnapshotWait);
    }

    /// <inheritdoc />
    /// <remarks>REST <c>TradesHistory</c> through the same key (paged as the query asks).</remarks>
    protected override Task<KrakenResult<IReadOnlyList<VenueFill>>> ReadHistoryAsync(VenueFillQuery query, CancellationToken cancellationToken) =>
        _rest.GetFillsAsync(query, cancellationToken);

    /// <inheritdoc />
    protected override string WireSymbol(string symbol) => _names.Wire(symbol);

    /// <inheritdoc />
    protected override string VenueSymbol(string wire) => _names.Symbol(wire);

    /// <inheritdoc />
    protected override string FeeCurrency(string asset) => _names.AssetId(asset);

    /// <inheritdoc />
    protected override bool IsListed(string symbol) => _names.Lists(symbol);

    private void ApplyBalances(SocketBatch<BalanceUpdate> batch)
    {
        if (batch.IsSnapshot)
        {
            _balances.Clear();
        }

        foreach (var b in batch.Items)
        {
            _balances[_names.AssetId(b.Asset)] = b.Balance;
        }

        if (batch.IsSnapshot)
        {
            _balancesSnapshot.TrySetResult();
        }
    }
}
