namespace Bulkhead.Fleet.Treasury;

/// <summary>Where a test hook may stop the runner (see <see cref="TreasuryRunner.Pause"/>).</summary>
public enum TreasuryPausePoint
{
    /// <summary>The step's exchange call returned, its <c>done</c> is not yet journaled.</summary>
    AfterCall,

    /// <summary>The step is journaled <c>done</c>; the next one has not started.</summary>
    AfterStep,
}
