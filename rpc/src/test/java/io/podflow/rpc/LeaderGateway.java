package io.podflow.rpc;

import java.util.concurrent.CompletableFuture;

/** Gateway of the fenced test endpoint. */
public interface LeaderGateway extends FencedRpcGateway<java.util.UUID> {

    CompletableFuture<String> whoIsLeader();
}
