namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>A channel clients subscribe to (<c>ticker</c>, <c>book</c>, <c>executions</c>, …) on the endpoints that serve it.</summary>
internal interface ISocketChannel
{
    /// <summary>The channel's wire name.</summary>
    string Name { get; }

    /// <summary>Handles <c>subscribe</c>: validates, registers on the connection, answers one ack per symbol, sends the snapshot.</summary>
    void Subscribe(SocketCall call);

    /// <summary>Handles <c>unsubscribe</c> with the same keys as the subscription.</summary>
    void Unsubscribe(SocketCall call);
}

/// <summary>A request method other than subscribe, unsubscribe and ping (<c>add_order</c>, <c>cancel_all</c>, …).</summary>
internal delegate void SocketMethod(SocketCall call);
