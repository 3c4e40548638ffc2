package io.podflow.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mailboxes scheduled by an I/O thread stay on it; everything else runs on the endpoint pool. */
class EndpointExecutorTest {

    private final EventLoopGroup ioThreads = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EndpointExecutor executor = new EndpointExecutor(ioThreads);

    @AfterEach
    void stop() {
        executor.shutdown();
        ioThreads.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aMailboxScheduledByAnIoThreadRunsOnThatThread() throws Exception {
        for (var ioThread : ioThreads) {
            CompletableFuture<Thread> ranOn = new CompletableFuture<>();
            Thread scheduler = ioThread.submit(() -> {
                executor.execute(() -> ranOn.complete(Thread.currentThread()));
                return Thread.currentThread();
            }).get(10, TimeUnit.SECONDS);
            assertSame(scheduler, ranOn.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aMailboxScheduledElsewhereRunsOnThePool() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        executor.execute(() -> ranOn.complete(Thread.currentThread()));
        Thread thread = ranOn.get(10, TimeUnit.SECONDS);
        assertTrue(thread.getName().startsWith("podflow-endpoint-"), thread.getName());
        assertTrue(thread.isDaemon());
    }

    @Test
    void shuttingDownStopsThePoolButLeavesTheIoThreadsRunning() throws Exception {
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        assertFalse(ioThreads.isShuttingDown());
        assertEquals("still serving", ioThreads.submit(() -> "still serving").get(10, TimeUnit.SECONDS));
    }
}
