using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The common subscribe/unsubscribe of a private channel (Spot and Unified; one subscription per connection under the
/// channel's name), after each endpoint's own checks of <c>params</c> and the token.
/// </summary>
internal static class PrivateChannel
{
    /// <summary>A private channel's subscribe/unsubscribe ack: <c>result {channel, …}</c>.</summary>
    public static void Ack(SocketCall call, string channel, Action<Utf8JsonWriter>? extra = null) =>
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            extra?.Invoke(w);
            w.WriteEndObject();
        });

    /// <summary>A private channel's error answer that names the channel (<c>Already subscribed</c>, <c>Subscription Not Found</c>).</summary>
    public static void Fail(SocketCall call, string channel, string error) =>
        call.Fail(error, w =>
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            w.WriteEndObject();
        });

    /// <summary>
    /// Registers the subscription <paramref name="create"/> makes on the connection and in <paramref name="registry"/>;
    /// null (answered <paramref name="alreadySubscribed"/>) if the connection has one on this channel.
    /// </summary>
    public static TSubscriber? Start<TSubscriber>(SocketCall call, string channel, AccountRegistry<TSubscriber> registry, string alreadySubscribed, Func<TSubscriber> create)
        where TSubscriber : AccountSubscriber
    {
        if (call.Connection.HasSubscription(channel))
        {
            Fail(call, channel, alreadySubscribed);
            return null;
        }

        var subscriber = create();
        registry.Add(subscriber);
        if (!call.Connection.TryAddSubscription(channel, subscriber))
        {
            subscriber.Dispose();
            Fail(call, channel, alreadySubscribed);
            return null;
        }

        return subscriber;
    }

    /// <summary>Ends the connection's subscription on <paramref name="channel"/> (its token is released) and acks, or answers <c>Subscription Not Found</c>.</summary>
    public static void Unsubscribe(SocketCall call, string channel)
    {
        if (call.Connection.RemoveSubscription(channel))
        {
            Ack(call, channel);
        }
        else
        {
            Fail(call, channel, SocketErrors.SubscriptionNotFound);
        }
    }
}
