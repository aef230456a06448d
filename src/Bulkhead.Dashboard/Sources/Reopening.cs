using System.Data.Common;

namespace Bulkhead.Dashboard.Sources;

/// <summary>
/// A store the dashboard reads (fill journal, coordination store, treasury journal), opened on first use and reopened
/// after a failure, so a store that was down (a locked file, an unreachable PostgreSQL) comes back by itself. Callers
/// serialize their use.
/// </summary>
/// <typeparam name="T">The store.</typeparam>
internal sealed class Reopening<T>(string what, Func<T> open) : IDisposable
    where T : class, IDisposable
{
    private T? _store;

    /// <summary>Reads with the store; a failure closes it (reopened next time) and is returned as text naming the source.</summary>
    public Reading<TResult> Read<TResult>(Func<T, TResult> read)
    {
        try
        {
            _store ??= open();
            return Reading<TResult>.Of(read(_store));
        }
        catch (Exception ex) when (IsSourceFailure(ex))
        {
            Close();
            return Reading<TResult>.Failed($"{what}: {Describe(ex)}");
        }
    }

    public void Dispose() => Close();

    /// <summary>The failures of reading a store; anything else is a bug and propagates.</summary>
    public static bool IsSourceFailure(Exception ex) =>
        ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException or TimeoutException
            or Fleet.Sessions.ProcessSessionException or System.Text.Json.JsonException;

    /// <summary>An exception as one line: its type and message (never a connection string: stores put none in messages).</summary>
    public static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private void Close()
    {
        try
        {
            _store?.Dispose();
        }
        catch (Exception ex) when (IsSourceFailure(ex))
        {
            // Closing a broken store can fail too; it is dropped either way.
        }

        _store = null;
    }
}
