namespace Bulkhead.Sandbox.Matching.Internal;

/// <summary>A pooled order: a node of its level's intrusive FIFO list (or of the free list, through <see cref="Next"/>).</summary>
internal struct OrderSlot
{
    public long OrderId;
    public long Owner;
    public long Account;
    public long Price;
    public long Remaining;
    public long Sequence;
    public int Prev;
    public int Next;
    public int Level;
    public Side Side;
    public bool PostOnly;
    public SelfTradePrevention SelfTrade;
}
