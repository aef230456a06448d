namespace Bulkhead.Sandbox.Assets;

/// <summary>One rung of a margin ladder.</summary>
/// <param name="NotionalFrom">USD notional from which the rates apply (<c>numNonContractUnits</c>).</param>
/// <param name="InitialMargin">Initial margin rate (0.02 = 2 %).</param>
/// <param name="MaintenanceMargin">Maintenance margin rate.</param>
public readonly record struct MarginLevel(decimal NotionalFrom, decimal InitialMargin, decimal MaintenanceMargin);
