namespace Bulkhead.Kraken.Guards;

/// <summary>Where one key's <see cref="LockoutGuardRecord"/> outlives its process (the fleet keeps it with the key's lease).</summary>
public interface ILockoutGuardStore
{
    /// <summary>The stored record, or <see cref="LockoutGuardRecord.Clear"/> for a key never halted.</summary>
    LockoutGuardRecord Load();

    /// <summary>
    /// Atomically merges <paramref name="change"/> into the stored record and returns the result: failures are added, a
    /// halt stays (the later end wins). Another process's failures are therefore never lost.
    /// </summary>
    LockoutGuardRecord Merge(LockoutGuardRecord change);

    /// <summary>Clears the record: an operator fixed the cause.</summary>
    void Clear();

    /// <summary>Clears the record and notes who did it and when (kept for the operator's journal).</summary>
    /// <param name="by">Who cleared it (an operator's name; never a secret).</param>
    /// <param name="at">When.</param>
    /// <returns>The record as it was before the clear.</returns>
    LockoutGuardRecord Clear(string by, DateTimeOffset at);
}
