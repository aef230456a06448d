using System.Collections.Concurrent;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Sockets.Venues;

/// <summary>
/// A derivatives account over the Unified WebSocket (<c>/v2/private</c>), with a Kraken API key (its tokens from Spot
/// REST <c>GetWebSocketsToken</c>): orders, cancels, the dead man's switch, open orders and fills with fees
/// (<c>executions</c>, whose snapshot's recent trades are the start-up catch-up), the margin wallet (<c>margin</c>),
/// positions (<c>positions</c>), instruments (<c>instrument</c>, read once) and tickers with the mark price. No Futures
/// REST call: that API is switched off on 1 March 2027 and a Kraken API key cannot reach it. The ledger is not on this
/// venue (the Unified <c>ledgers</c> channel has no history): reconciliation reads it with the account's reconciler key.
/// </summary>
public sealed class UnifiedSocketVenue : SocketAccountVenue
{
    /// <summary>The multi-collateral wallet's name, as Futures REST names it.</summary>
    public const string MarginWallet = "flex";

    private readonly ConcurrentDictionary<string, VenuePosition> _positions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _positionsSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _marginSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<VenueInstrument>? _instruments;
    private MarginUpdate? _margin;

    /// <summary>Sees the account of <paramref name="client"/> (the Unified private endpoint) as a venue.</summary>
    public UnifiedSocketVenue(KrakenSocketClient client, TimeProvider time)
        : this(client, time, null)
    {
    }

    private UnifiedSocketVenue(KrakenSocketClient client, TimeProvider time, IDisposable? owned)
        : base(client, time, owned)
    {
        if (client.Endpoint.Protocol != SocketProtocol.Unified)
        {
            throw new ArgumentException("A Unified socket venue needs a Unified endpoint.", nameof(client));
        }

    }

    /// <summary>
    /// The venue of <paramref name="spot"/>'s key (a Kraken API key of the derivatives account) on <paramref name="endpoint"/>:
    /// tokens through that key's REST client, ambiguous orders looked up in an <c>executions</c> snapshot. Not started.
    /// </summary>
    public static UnifiedSocketVenue Open(SpotClient spot, KrakenSocketEndpoint endpoint, TimeProvider time, ICallJournal? journal = null, Action<KrakenSocketOptions>? configure = null)
    {
        var client = OpenClient(spot, endpoint, time, journal, configure, out var tokens);
        return new UnifiedSocketVenue(client, time, tokens);
    }

    /// <inheritdoc />
    public override Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_instruments is { } known ? KrakenResult<IReadOnlyList<VenueInstrument>>.Ok(known) : KrakenErrors.NotConnected("the instrument snapshot has not arrived"));

    /// <inheritdoc />
    /// <remarks>Not on this transport: a failure naming the reconciler's REST key.</remarks>
    public override Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<KrakenResult<VenueLedger>>(KrakenErrors.NotOnTransport("the ledger", "the Unified WebSocket"));

    /// <inheritdoc />
    public override Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<KrakenResult<VenueLedgerCursor>>(KrakenErrors.NotOnTransport("the ledger", "the Unified WebSocket"));

    /// <inheritdoc />
    /// <remarks>The latest <c>margin</c> message: the multi-collateral wallet's figures and its collateral per currency.</remarks>
    public override Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _margin) is not { } m)
        {
            return Task.FromResult<KrakenResult<VenueBalances>>(KrakenErrors.NotConnected("the margin snapshot has not arrived"));
        }

        var margin = new VenueMargin(WalletKind.Margin, MarginWallet, "USD", m.PortfolioValue, m.AvailableMargin, m.InitialMargin, m.MaintenanceMargin);
        return Task.FromResult(KrakenResult<VenueBalances>.Ok(new VenueBalances(
            [.. m.Currencies.Select(c => new VenueBalance(WalletKind.Margin, MarginWallet, c.Asset.ToUpperInvariant(), c.Quantity, null))],
            [margin])));
    }

    /// <inheritdoc />
    public override Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenuePosition>>.Ok([.. _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal)]));

    /// <inheritdoc />
    protected override async Task<KrakenResult<bool>> SubscribeAccountAsync(CancellationToken cancellationToken)
    {
        var instruments = await Client.SubscribeInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        if (!instruments.Success)
        {
            return instruments.Error;
        }

        await using (instruments.Value.ConfigureAwait(false))
        {
            try
            {
                var first = await instruments.Value.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(SnapshotWait, Time, cancellationToken).ConfigureAwait(false);
                _instruments = [.. first.Items.SelectMany(s => s.Pairs).Select(p => new VenueInstrument(
                    p.Symbol, p.Base, p.Quote, p.PriceIncrement, p.QuantityIncrement, p.QuantityMinimum, p.Status is "online" or "work_in_progress" or "trading"))];
            }
            catch (TimeoutException)
            {
                return KrakenErrors.Timeout(SnapshotWait);
            }
        }

        var positions = await Client.SubscribePositionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!positions.Success)
        {
            return positions.Error;
        }

        Pump(positions.Value, ApplyPositions);
        var margin = await Client.SubscribeMarginAsync(cancellationToken).ConfigureAwait(false);
        if (!margin.Success)
        {
            return margin.Error;
        }

        Pump(margin.Value, batch =>
        {
            if (batch.Items.Count > 0)
            {
                Volatile.Write(ref _margin, batch.Items[^1]);
                _marginSnapshot.TrySetResult();
            }
        });
        return await WaitAsync(Task.WhenAll(_positionsSnapshot.Task, _marginSnapshot.Task), cancellationToken).ConfigureAwait(false)
            ? KrakenResult<bool>.Ok(true)
            : KrakenErrors.Timeout(SnapshotWait);
    }

    /// <inheritdoc />
    /// <remarks>Nothing beyond the <c>executions</c> snapshot's trades: no Futures REST.</remarks>
    protected override Task<KrakenResult<IReadOnlyList<VenueFill>>> ReadHistoryAsync(VenueFillQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenueFill>>.Ok([]));

    /// <inheritdoc />
    protected override string WireSymbol(string symbol) => symbol;

    /// <inheritdoc />
    protected override string VenueSymbol(string wire) => wire;

    /// <inheritdoc />
    /// <remarks>Upper case, as Futures REST fees are journaled.</remarks>
    protected override string FeeCurrency(string asset) => asset.ToUpperInvariant();

    /// <inheritdoc />
    protected override bool IsListed(string symbol) => _instruments?.Any(i => string.Equals(i.Symbol, symbol, StringComparison.Ordinal)) ?? true;

    private void ApplyPositions(SocketBatch<PositionUpdate> batch)
    {
        if (batch.IsSnapshot)
        {
            _positions.Clear();
        }

        foreach (var p in batch.Items)
        {
            if (p.Size == 0m || p.Direction is null)
            {
                _positions.TryRemove(p.Symbol, out _);
            }
            else
            {
                _positions[p.Symbol] = new VenuePosition(p.Symbol, p.Direction == PositionDirection.Long ? PositionSide.Long : PositionSide.Short, Math.Abs(p.Size), p.EntryPrice, null);
            }
        }

        if (batch.IsSnapshot)
        {
            _positionsSnapshot.TrySetResult();
        }
    }
}
