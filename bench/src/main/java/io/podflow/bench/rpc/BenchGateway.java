package io.podflow.bench.rpc;

import io.podflow.rpc.RpcGateway;

import java.util.concurrent.CompletableFuture;

/** What the benchmark asks: send bytes, get the same bytes back. */
public interface BenchGateway extends RpcGateway {

    CompletableFuture<byte[]> echo(byte[] payload);
}
