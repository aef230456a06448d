namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// Time-driven cancels: GTD expiry and the dead man's switch (Kraken <c>CancelAllOrdersAfter</c>), per account and venue.
/// Both are checked at the start of every order operation and by the exchange's one-second tick, so a switch fires within
/// a second of its trigger time even when nobody calls (with a fake clock: when the clock is advanced). Switches live in
/// memory: a restart disarms them (the orders stay).
/// </summary>
internal sealed partial class TradingCore
{
    private readonly Dictionary<(string Account, TradingVenue Venue), DateTimeOffset> _deadMans = [];

    /// <summary>
    /// Arms, re-arms or (timeout zero) disarms an account's switch on one venue: when <paramref name="timeout"/> passes
    /// without another call, every open order of the account on that venue is cancelled.
    /// </summary>
    public SandboxResult<SandboxDeadMansSwitch> SetDeadMansSwitch(string account, TradingVenue venue, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(1))
        {
            return SandboxResult<SandboxDeadMansSwitch>.Fail(SandboxRejection.InvalidOrder, "the timeout is 0 (off) to 86400 seconds");
        }

        if (_accounts.Find(account) is null)
        {
            return SandboxResult<SandboxDeadMansSwitch>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
        }

        RunDeadlines();
        var now = _time.GetUtcNow();
        if (timeout == TimeSpan.Zero)
        {
            _deadMans.Remove((account, venue));
            return SandboxResult<SandboxDeadMansSwitch>.Ok(new SandboxDeadMansSwitch(now, null));
        }

        var trigger = now + timeout;
        _deadMans[(account, venue)] = trigger;
        return SandboxResult<SandboxDeadMansSwitch>.Ok(new SandboxDeadMansSwitch(now, trigger));
    }

    /// <summary>The armed switch's trigger time, or null.</summary>
    public DateTimeOffset? DeadMansSwitch(string account, TradingVenue venue) =>
        _deadMans.TryGetValue((account, venue), out var trigger) ? trigger : null;

    /// <summary>Fires what is due now: expired GTD orders and triggered switches.</summary>
    public void RunDeadlines()
    {
        var now = _time.GetUtcNow();
        if (_openWithExpiry > 0)
        {
            var expired = _openByEngineId.Values.Where(o => o.ExpiresAt is { } at && at <= now).OrderBy(o => o.EngineId).ToList();
            if (expired.Count > 0)
            {
                Cancel(expired, SandboxOrderStatus.Expired, CancelReasons.Expired, charge: false);
            }
        }

        if (_deadMans.Count == 0)
        {
            return;
        }

        foreach (var (key, trigger) in _deadMans.Where(d => d.Value <= now).ToList())
        {
            var victims = OpenOf(key.Account).Where(o => o.Venue == key.Venue).ToList();
            Cancel(victims, SandboxOrderStatus.Canceled, CancelReasons.DeadMansSwitch, charge: false);
            _deadMans.Remove(key);
        }
    }
}
