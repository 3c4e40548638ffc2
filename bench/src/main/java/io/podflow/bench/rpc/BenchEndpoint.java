package io.podflow.bench.rpc;

import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;

import java.util.concurrent.CompletableFuture;

/** The endpoint the RPC half of the benchmark calls; it does no work beyond answering. */
final class BenchEndpoint extends RpcEndpoint implements BenchGateway {

    static final String NAME = "bench";

    BenchEndpoint(RpcService rpcService) {
        super(rpcService, NAME);
    }

    @Override
    public CompletableFuture<byte[]> echo(byte[] payload) {
        return CompletableFuture.completedFuture(payload);
    }
}
