package io.podflow.rpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Gateway of the test endpoint used across the RPC tests and by the peer process. */
public interface EchoGateway extends RpcGateway {

    CompletableFuture<String> echo(String text);

    CompletableFuture<Integer> add(int a, int b);

    CompletableFuture<Item> roundTrip(Item item);

    CompletableFuture<byte[]> bytes(byte[] payload);

    CompletableFuture<byte[]> replyOfSize(int size);

    void remember(String text);

    CompletableFuture<List<String>> remembered();

    CompletableFuture<String> failWith(String message);

    CompletableFuture<String> neverAnswers(@RpcTimeout Duration timeout);

    CompletableFuture<String> neverAnswersWithinDefault();

    CompletableFuture<Boolean> runsOnMainThread();

    CompletableFuture<Integer> busyWork();

    CompletableFuture<Integer> overlapsSeen();

    /** A record type registered with the service. */
    record Item(String name, long count, List<String> tags) {
    }
}
