package io.podflow.rpc;

/** A gateway to a {@link FencedRpcEndpoint}; every message it sends carries its fencing token. */
public interface FencedRpcGateway<F> extends RpcGateway {

    /** The token this gateway stamps on its messages. */
    F getFencingToken();
}
