namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// The scope rule the <c>book</c> and <c>level3</c> channels share (websocket.md §5): a price level that left the
/// subscribed window only because better levels filled it (the new window is full and the level is worse than its worst
/// level) is not removed explicitly — clients truncate to their depth after each message.
/// </summary>
internal static class BookWindow
{
    /// <summary>True when <paramref name="price"/>, gone from a window now <paramref name="full"/> whose worst level is <paramref name="worst"/>, only fell below it.</summary>
    public static bool PushedOut(bool full, decimal worst, decimal price, bool bidSide) =>
        full && (bidSide ? price < worst : price > worst);
}
