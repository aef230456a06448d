using System.Globalization;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Guards;

/// <summary>
/// Keeps one key from hammering the exchange. Authentication-class failures (<c>EAPI:Invalid key</c>,
/// <c>EAPI:Invalid signature</c>, <c>EAPI:Invalid nonce</c>, Futures <c>authenticationError</c>, …) are counted; after
/// <see cref="LockoutGuardOptions.MaxAuthenticationFailures"/> within the window the key is halted and every further
/// call fails fast locally, without touching the network. <c>EGeneral:Temporary lockout</c> halts it for the lockout period.
/// With an <see cref="ILockoutGuardStore"/> the failures and the halt outlive the process: the guard starts from the stored
/// record and merges every failure and halt into it (so a restarted process, or a loop of one-shot commands, never starts
/// from zero against Kraken's lockout window), and only <see cref="Reset"/> (an operator) clears it. Thread-safe.
/// </summary>
public sealed class LockoutGuard
{
    private readonly Lock _gate = new();
    private readonly LockoutGuardOptions _options;
    private readonly TimeProvider _time;
    private readonly string _keyLabel;
    private readonly Queue<DateTimeOffset> _failures = new();
    private readonly ILockoutGuardStore? _store;
    private string? _haltReason;
    private DateTimeOffset? _haltedUntil;
    private bool _halted;

    /// <summary>Creates a guard for one key.</summary>
    /// <param name="keyLabel">How the key is named in messages (a masked key or a key name; never the secret).</param>
    /// <param name="options">Thresholds; validated and copied.</param>
    /// <param name="time">The clock.</param>
    public LockoutGuard(string keyLabel, LockoutGuardOptions options, TimeProvider time)
        : this(keyLabel, options, time, null)
    {
    }

    /// <summary>Creates a guard for one key whose failures and halt live in <paramref name="store"/> (null: this process only).</summary>
    /// <param name="keyLabel">How the key is named in messages (a masked key or a key name; never the secret).</param>
    /// <param name="options">Thresholds; validated and copied.</param>
    /// <param name="time">The clock.</param>
    /// <param name="store">Where the key's record outlives the process; read now.</param>
    public LockoutGuard(string keyLabel, LockoutGuardOptions options, TimeProvider time, ILockoutGuardStore? store)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyLabel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = new LockoutGuardOptions
        {
            MaxAuthenticationFailures = options.MaxAuthenticationFailures,
            Window = options.Window,
            FailureHaltDuration = options.FailureHaltDuration,
            ExchangeLockoutDuration = options.ExchangeLockoutDuration,
        };
        _time = time;
        _keyLabel = keyLabel;
        _store = store;
        if (store is not null)
        {
            Adopt(store.Load());
        }
    }

    /// <summary>Call before sending. Null: go ahead. Otherwise the local refusal to return instead of sending.</summary>
    public KrakenError? CheckBeforeSend()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ExpireHalt(now);
            if (!_halted)
            {
                return null;
            }

            var retryAfter = _haltedUntil is { } until ? until - now : (TimeSpan?)null;
            return KrakenErrors.KeyHalted(_haltReason!, retryAfter);
        }
    }

    /// <summary>Call after every answer: <see langword="null"/> for success, else the error. Only exchange-origin errors count.</summary>
    public void Record(KrakenError? error)
    {
        if (error is null || error.Origin != KrakenErrorOrigin.Exchange)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (error.Category == KrakenErrorCategory.Lockout)
            {
                var until = now + _options.ExchangeLockoutDuration;
                Halt(now, until, string.Create(CultureInfo.InvariantCulture,
                    $"Kraken answered {error.Code} for key {_keyLabel}; calls are refused locally until {until:O} so the lockout is not extended. Reset: wait, or fix the cause and clear the halt (`bulkhead keys clear-halt`, or LockoutGuard.Reset)."));
                Persist([]);
                return;
            }

            if (!error.CountsTowardLockout)
            {
                return;
            }

            _failures.Enqueue(now);
            TrimWindow(now);
            if (_failures.Count >= _options.MaxAuthenticationFailures)
            {
                var until = _options.FailureHaltDuration is { } d ? now + d : (DateTimeOffset?)null;
                Halt(now, until, string.Create(CultureInfo.InvariantCulture,
                    $"key {_keyLabel} halted after {_failures.Count} authentication failures within {_options.Window.TotalMinutes:0.#} min (last: {error.Code}); nothing more is sent with it so Kraken does not lock it out. Fix the key's secret, nonce or permissions, then clear the halt (`bulkhead keys clear-halt`, or LockoutGuard.Reset)."));
            }

            Persist([now]);
        }
    }

    /// <summary>Clears a halt and the failure count. For an operator, after fixing the cause.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _store?.Clear();
            _halted = false;
            _haltReason = null;
            _haltedUntil = null;
            _failures.Clear();
        }
    }

    /// <summary>The state now.</summary>
    public LockoutGuardState State
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                ExpireHalt(now);
                TrimWindow(now);
                return new LockoutGuardState(_halted, _haltReason, _haltedUntil, _failures.Count);
            }
        }
    }

    /// <summary>Merges this guard's news (new failures, its halt) into the store and adopts the result; the caller holds the lock.</summary>
    private void Persist(IReadOnlyList<DateTimeOffset> newFailures)
    {
        if (_store is not null)
        {
            Adopt(_store.Merge(new LockoutGuardRecord(newFailures, _halted, _haltReason, _haltedUntil)));
        }
    }

    /// <summary>Takes a stored record as this guard's state (failures outside the window and an ended halt fall away).</summary>
    private void Adopt(LockoutGuardRecord record)
    {
        _failures.Clear();
        foreach (var failure in record.Failures.Order())
        {
            _failures.Enqueue(failure);
        }

        _halted = record.Halted;
        _haltReason = record.Halted ? record.Reason : null;
        _haltedUntil = record.Halted ? record.HaltedUntil : null;
        var now = _time.GetUtcNow();
        ExpireHalt(now);
        TrimWindow(now);
    }

    private void Halt(DateTimeOffset now, DateTimeOffset? until, string reason)
    {
        _ = now;
        _halted = true;
        _haltReason = reason;
        _haltedUntil = until is { } u && _haltedUntil is { } existing && existing > u ? existing : until;
    }

    private void ExpireHalt(DateTimeOffset now)
    {
        if (_halted && _haltedUntil is { } until && now >= until)
        {
            _halted = false;
            _haltReason = null;
            _haltedUntil = null;
            _failures.Clear();
        }
    }

    private void TrimWindow(DateTimeOffset now)
    {
        while (_failures.Count > 0 && now - _failures.Peek() >= _options.Window)
        {
            _failures.Dequeue();
        }
    }
}
