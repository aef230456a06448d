using System.ComponentModel.DataAnnotations;

namespace Bulkhead.Kraken.Guards;

/// <summary>
/// When the <see cref="LockoutGuard"/> halts a key. Kraken locks a key out for about 15 minutes after repeated
/// authentication failures in a short period (exact threshold unpublished); the defaults stop well before that.
/// </summary>
public sealed class LockoutGuardOptions
{
    /// <summary>Authentication-class failures within <see cref="Window"/> that halt the key.</summary>
    /// <value>3.</value>
    [Range(1, 100)]
    public int MaxAuthenticationFailures { get; set; } = 3;

    /// <summary>The period over which failures are counted.</summary>
    /// <value>10 minutes.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a key stays halted after failures. <see langword="null"/>: until an operator resets it, because a wrong secret does not fix itself.</summary>
    /// <value><see langword="null"/>.</value>
    public TimeSpan? FailureHaltDuration { get; set; }

    /// <summary>How long a key stays halted after Kraken answers <c>EGeneral:Temporary lockout</c>.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan ExchangeLockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    internal void Validate()
    {
        if (MaxAuthenticationFailures is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAuthenticationFailures), MaxAuthenticationFailures, "The field MaxAuthenticationFailures must be between 1 and 100.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The field Window must be positive.");
        }

        if (FailureHaltDuration is { } halt && halt <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FailureHaltDuration), halt, "The field FailureHaltDuration must be positive or null.");
        }

        if (ExchangeLockoutDuration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ExchangeLockoutDuration), ExchangeLockoutDuration, "The field ExchangeLockoutDuration must be positive.");
        }
    }
}
