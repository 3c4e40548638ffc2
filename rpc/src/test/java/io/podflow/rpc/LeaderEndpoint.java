package io.podflow.rpc;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Fenced test endpoint whose leadership a test changes. */
final class LeaderEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway {

    LeaderEndpoint(RpcService rpcService, String endpointId, UUID leader) {
        super(rpcService, endpointId, UUID.class, leader);
    }

    @Override
    public CompletableFuture<String> whoIsLeader() {
        return CompletableFuture.completedFuture("leader " + getFencingToken());
    }

    void changeLeader(UUID leader) throws Exception {
        callAsync(() -> {
            setFencingToken(leader);
            return null;
        }, Duration.ofSeconds(5)).get(15, TimeUnit.SECONDS);
    }
}
