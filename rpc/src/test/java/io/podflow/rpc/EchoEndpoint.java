package io.podflow.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Test endpoint: echoes, remembers tells, fails on demand and checks it runs on its main thread. */
public class EchoEndpoint extends RpcEndpoint implements EchoGateway {

    private final List<String> remembered = new ArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();

    public EchoEndpoint(RpcService rpcService, String endpointId) {
        super(rpcService, endpointId);
    }

    @Override
    public CompletableFuture<String> echo(String text) {
        validateRunsInMainThread();
        return CompletableFuture.completedFuture(text);
    }

    @Override
    public CompletableFuture<Integer> add(int a, int b) {
        return CompletableFuture.completedFuture(a + b);
    }

    @Override
    public CompletableFuture<Item> roundTrip(Item item) {
        return CompletableFuture.completedFuture(new Item(item.name() + "!", item.count() + 1, item.tags()));
    }

    @Override
    public CompletableFuture<byte[]> bytes(byte[] payload) {
        return CompletableFuture.completedFuture(payload);
    }

    @Override
    public CompletableFuture<byte[]> replyOfSize(int size) {
        return CompletableFuture.completedFuture(new byte[size]);
    }

    @Override
    public void remember(String text) {
        validateRunsInMainThread();
        remembered.add(text);
    }

    @Override
    public CompletableFuture<List<String>> remembered() {
        return CompletableFuture.completedFuture(List.copyOf(remembered));
    }

    @Override
    public CompletableFuture<String> failWith(String message) {
        throw new IllegalStateException(message);
    }

    @Override
    public CompletableFuture<String> neverAnswers(Duration timeout) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<String> neverAnswersWithinDefault() {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Boolean> runsOnMainThread() {
        return CompletableFuture.completedFuture(isRunningInMainThread());
    }

    @Override
    public CompletableFuture<Integer> busyWork() {
        if (active.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Integer.toString(i).hashCode();
            Thread.onSpinWait();
        }
        active.decrementAndGet();
        return CompletableFuture.completedFuture((int) (sum & 1));
    }

    @Override
    public CompletableFuture<Integer> overlapsSeen() {
        return CompletableFuture.completedFuture(overlaps.get());
    }
}
