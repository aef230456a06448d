namespace Bulkhead.Runtime.Metrics;

/// <summary>Where <see cref="FleetMetrics"/> reads the fleet's figures before each collection (the dashboard's view).</summary>
public interface IFleetFigures
{
    /// <summary>The figures now (composed at most once at a time; a failed source leaves its figures out).</summary>
    Task<FleetFigures> ReadAsync(CancellationToken cancellationToken);
}
