namespace Bulkhead.Sandbox.Events;

/// <summary>
/// Receives the exchange's domain events. Called on the committing thread while the exchange's lock is held: an
/// implementation must only record or enqueue (never block, never wait for I/O, never call back into the exchange's
/// mutating operations), so that no listener can stall matching.
/// </summary>
public interface IExchangeListener
{
    /// <summary>One change set has been committed.</summary>
    void OnCommitted(CommittedChanges changes);
}
