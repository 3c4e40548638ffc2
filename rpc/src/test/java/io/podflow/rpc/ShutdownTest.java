package io.podflow.rpc;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing a service stops its endpoints and leaves no threads and no bound ports behind. */
class ShutdownTest {

    @Test
    void closeStopsEndpointsAndLeavesNoThreadsOrPorts() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        RpcService server = RpcServices.start();
        RpcService client = RpcServices.start();
        int serverPort = server.getPort();
        StoppingEndpoint endpoint = new StoppingEndpoint(server);
        endpoint.start();
        EchoGateway echo = client.connect(endpoint.getAddress(), EchoGateway.class).get(20, TimeUnit.SECONDS);
        assertEquals("hi", echo.echo("hi").get(15, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = server.closeAsync();
        assertSame(closing, server.closeAsync(), "closing twice must be harmless");
        closing.get(30, TimeUnit.SECONDS);
        client.closeAsync().get(30, TimeUnit.SECONDS);

        assertTrue(endpoint.stoppedOnMainThread.get(), "onStop must run on the endpoint's main thread");
        assertTrue(endpoint.getTerminationFuture().isDone());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(List.of(), leftOver(before)));

        try (ServerSocket again = new ServerSocket(serverPort, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(serverPort, again.getLocalPort());
        }
        RpcService reborn = RpcServices.start(RpcServices.config(RpcServices.SECRET), serverPort);
        assertEquals(serverPort, reborn.getPort());
        reborn.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void serviceThatCannotBindSaysWhereAndLeavesNothingRunning() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RpcException failure = org.junit.jupiter.api.Assertions.assertThrows(RpcException.class,
                    () -> RpcServices.start(RpcServices.config(RpcServices.SECRET), taken.getLocalPort()));
            assertTrue(failure.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), failure.getMessage());
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(List.of(), leftOver(before)));
    }

    @Test
    void missingClusterSecretIsAClearError() {
        RpcException failure = org.junit.jupiter.api.Assertions.assertThrows(RpcException.class,
                () -> RpcService.builder(new io.podflow.common.config.Configuration()).start());
        assertTrue(failure.getMessage().startsWith("cluster.secret is not set"), failure.getMessage());
    }

    @Test
    void callsAfterCloseFailClearly() throws Exception {
        RpcService service = RpcServices.start();
        service.closeAsync().get(30, TimeUnit.SECONDS);
        var failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> service.connect("127.0.0.1:1/echo", EchoGateway.class).get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcException.class, failure.getCause());
    }

    /** Threads started since {@code before} (other than Awaitility's poller) still alive: non-daemon or ours. */
    private static List<String> leftOver(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .filter(thread -> !thread.getName().startsWith("awaitility"))
                .filter(thread -> !thread.isDaemon() || thread.getName().startsWith("podflow")
                        || thread.getName().contains("pekko"))
                .map(Thread::getName)
                .sorted()
                .collect(Collectors.toList());
    }

    /** An endpoint whose onStop finishes asynchronously and records where it ran. */
    private static final class StoppingEndpoint extends EchoEndpoint {
        final AtomicBoolean stoppedOnMainThread = new AtomicBoolean();

        StoppingEndpoint(RpcService service) {
            super(service, "stopping");
        }

        @Override
        protected CompletableFuture<Void> onStop() {
            stoppedOnMainThread.set(isRunningInMainThread());
            return CompletableFuture.runAsync(() -> { });
        }
    }
}
