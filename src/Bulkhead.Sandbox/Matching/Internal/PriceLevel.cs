namespace Bulkhead.Sandbox.Matching.Internal;

/// <summary>A pooled price level: the head and tail of its orders' FIFO, and their totals.</summary>
internal struct PriceLevel
{
    public long Price;
    public long Quantity;
    public int Count;
    public int Head;
    public int Tail;
}
