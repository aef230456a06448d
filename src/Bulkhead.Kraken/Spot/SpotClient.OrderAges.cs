using System.Collections.Concurrent;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Spot.Internal;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    // Bounds the bookkeeping of a long-running process. Beyond it, orders older than the last penalty step are dropped
    // first; cancelling one of those later is then charged as unknown (the highest penalty), which never underestimates.
    private const int MaxTrackedOrders = 10_000;
    private static readonly TimeSpan LastPenaltyStep = TimeSpan.FromSeconds(300);

    // Orders this client placed, by order id and by client order id: the pair (for the per-pair trading limiter) and
    // the placement time (for the cancel penalty, which shrinks with the order's age).
    private readonly ConcurrentDictionary<string, TrackedPlacement> _placements = new(StringComparer.Ordinal);

    private void TrackPlacement(string pair, IReadOnlyList<string> orderIds, string clientOrderId, DateTimeOffset placedAt)
    {
        var placement = new TrackedPlacement(pair, placedAt, orderIds, clientOrderId);
        foreach (var id in orderIds)
        {
            _placements[id] = placement;
        }

        _placements[clientOrderId] = placement;
        if (_placements.Count > MaxTrackedOrders)
        {
            var now = _time.GetUtcNow();
            foreach (var (id, old) in _placements)
            {
                if (now - old.PlacedAt >= LastPenaltyStep)
                {
                    _placements.TryRemove(id, out _);
                }
            }
        }
    }

    private void ForgetPlacement(string id)
    {
        if (_placements.TryRemove(id, out var placement))
        {
            foreach (var orderId in placement.OrderIds)
            {
                _placements.TryRemove(orderId, out _);
            }

            _placements.TryRemove(placement.ClientOrderId, out _);
        }
    }

    private void ForgetAllPlacements() => _placements.Clear();

    /// <summary>The pair of an order this client placed, named by the request's order id or client order id; null when unknown.</summary>
    private string? PairOfTrackedOrder(List<KeyValuePair<string, string>> parameters) =>
        TrackedOrder(parameters)?.Pair;

    private TrackedPlacement? TrackedOrder(List<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name is OrderWire.OrderIdField or OrderWire.ClientOrderIdField && _placements.TryGetValue(value, out var placement))
            {
                return placement;
            }
        }

        return null;
    }

    /// <summary>What an order call adds to the pair's trading counter (<see cref="SpotTradingCosts"/>): 1 to place; to cancel, amend or edit, the cost by the order's age.</summary>
    private decimal TradingCost(string method, List<KeyValuePair<string, string>> parameters)
    {
        if (method == AddOrderMethod)
        {
            return SpotTradingCosts.AddOrder;
        }

        // An order of unknown age costs the most, so the counter is never underestimated.
        if (TrackedOrder(parameters) is not { } placement)
        {
            return SpotTradingCosts.MaxPenalty;
        }

        var age = _time.GetUtcNow() - placement.PlacedAt;
        return method switch
        {
            "AmendOrder" => SpotTradingCosts.AmendCost(age),
            "EditOrder" => SpotTradingCosts.EditCost(age),
            _ => SpotTradingCosts.CancelPenalty(age),
        };
    }

    private sealed record TrackedPlacement(string Pair, DateTimeOffset PlacedAt, IReadOnlyList<string> OrderIds, string ClientOrderId);
}
