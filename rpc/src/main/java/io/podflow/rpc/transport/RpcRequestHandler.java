package io.podflow.rpc.transport;

import io.netty.channel.Channel;

/** What the server side does with requests that arrived on an authenticated connection. */
public interface RpcRequestHandler {

    /** Handles a call; an ask must eventually write a {@link RpcMessage.Result} or {@link RpcMessage.Failure}. */
    void onInvocation(RpcMessage.Invocation invocation, Channel channel);

    /** Answers whether the named endpoint is hosted here. */
    void onIdentify(RpcMessage.Identify identify, Channel channel);
}
