using System.Collections.Concurrent;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// Requests sent and not yet answered, by <c>req_id</c>. Most methods answer one frame; a request registered with a
/// <c>complete</c> rule collects frames with its <c>req_id</c> until the rule says the answer is whole (<c>cancel_order</c>
/// answers one frame per order). When the connection drops, every pending request fails with the reason: it was sent,
/// so its outcome is unknown.
/// </summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<long, Pending> _pending = new();

    /// <summary>How many requests wait for an answer.</summary>
    public int Count => _pending.Count;

    /// <summary>Registers a request before it is sent.</summary>
    public Task<KrakenResult<IReadOnlyList<SocketResponse>>> Register(long reqId, Func<IReadOnlyList<SocketResponse>, bool>? complete = null)
    {
        var pending = new Pending(complete);
        if (!_pending.TryAdd(reqId, pending))
        {
            throw new InvalidOperationException($"req_id {reqId} is already pending.");
        }

        return pending.Answer.Task;
    }

    /// <summary>Hands a response to its request; false when nothing waits for that <c>req_id</c>.</summary>
    public bool Complete(SocketResponse response)
    {
        if (response.ReqId is not { } id || !_pending.TryGetValue(id, out var pending))
        {
            return false;
        }

        if (pending.Add(response))
        {
            _pending.TryRemove(id, out _);
        }

        return true;
    }

    /// <summary>Fails one request (its wait ended or sending it failed); what it collected so far is dropped.</summary>
    public void Fail(long reqId, KrakenError error)
    {
        if (_pending.TryRemove(reqId, out var pending))
        {
            pending.Answer.TrySetResult(error);
        }
    }

    /// <summary>Fails every pending request with <paramref name="error"/> (the connection dropped).</summary>
    public void FailAll(KrakenError error)
    {
        foreach (var id in _pending.Keys)
        {
            Fail(id, error);
        }
    }

    private sealed class Pending(Func<IReadOnlyList<SocketResponse>, bool>? complete)
    {
        private readonly List<SocketResponse> _frames = [];

        public TaskCompletionSource<KrakenResult<IReadOnlyList<SocketResponse>>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Add(SocketResponse response)
        {
            lock (_frames)
            {
                _frames.Add(response);
                if (complete is not null && !complete(_frames))
                {
                    return false;
                }

                Answer.TrySetResult(KrakenResult<IReadOnlyList<SocketResponse>>.Ok(_frames.ToList()));
                return true;
            }
        }
    }
}
