package io.podflow.rpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ask, tell, timeouts and remote failures between two RPC services on loopback, and through a self gateway. */
class LoopbackRpcTest {

    private RpcService server;
    private RpcService client;
    private EchoEndpoint endpoint;
    private EchoGateway remote;

    @BeforeEach
    void start() throws Exception {
        server = RpcServices.start();
        client = RpcServices.start();
        endpoint = new EchoEndpoint(server, "echo");
        endpoint.start();
        remote = client.connect(endpoint.getAddress(), EchoGateway.class).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void askReturnsTheRemoteResult() throws Exception {
        assertEquals("hello", remote.echo("hello").get(15, TimeUnit.SECONDS));
        assertEquals(5, remote.add(2, 3).get(15, TimeUnit.SECONDS));
        assertEquals(new EchoGateway.Item("a!", 2, List.of("x", "y")),
                remote.roundTrip(new EchoGateway.Item("a", 1, List.of("x", "y"))).get(15, TimeUnit.SECONDS));
        byte[] payload = {1, 2, 3, -1};
        assertArrayEquals(payload, remote.bytes(payload).get(15, TimeUnit.SECONDS));
        assertEquals(endpoint.getAddress(), remote.getAddress());
    }

    @Test
    void anEndpointOfTheSameServiceToldFromOnStartCanCallBackAtOnce() throws Exception {
        // as a JobMaster registering with the ResourceManager of its own JobManager, which then connects back
        CompletableFuture<String> callBack = new CompletableFuture<>();
        EchoEndpoint callsBack = new EchoEndpoint(server, "calls-back") {
            @Override
            protected void onStart() {
                server.connect(getAddress(), EchoGateway.class).thenCompose(peer -> peer.echo("back"))
                        .whenComplete((text, error) -> {
                            if (error == null) {
                                callBack.complete(text);
                            } else {
                                callBack.completeExceptionally(error);
                            }
                        });
            }
        };

        callsBack.start();

        assertEquals("back", callBack.get(20, TimeUnit.SECONDS));
    }

    @Test
    void tellsArriveInOrderOnTheMainThread() throws Exception {
        for (int i = 0; i < 50; i++) {
            remote.remember("m" + i);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("m" + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> remote.remembered().get().size() == 50);
        assertEquals(expected, remote.remembered().get(15, TimeUnit.SECONDS));
    }

    @Test
    void remoteExceptionKeepsTypeMessageAndStack() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> remote.failWith("boom").get(15, TimeUnit.SECONDS));
        RemoteRpcException remoteError = assertInstanceOf(RemoteRpcException.class, failure.getCause());
        assertEquals(IllegalStateException.class.getName(), remoteError.remoteClassName());
        assertEquals("boom", remoteError.remoteMessage());
        assertEquals(EchoEndpoint.class.getName(), remoteError.getStackTrace()[0].getClassName());
        assertEquals("failWith", remoteError.getStackTrace()[0].getMethodName());
    }

    @Test
    void askTimesOutWithPerCallAndDefaultTimeout() throws Exception {
        ExecutionException perCall = assertThrows(ExecutionException.class,
                () -> remote.neverAnswers(Duration.ofMillis(200)).get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcTimeoutException.class, perCall.getCause());
        assertTrue(perCall.getCause().getMessage().contains("neverAnswers"), perCall.getCause().getMessage());

        RpcService impatient = RpcServices.start(RpcServices.config(RpcServices.SECRET)
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofMillis(300)), 0);
        try {
            EchoGateway gateway = impatient.connect(endpoint.getAddress(), EchoGateway.class).get(15, TimeUnit.SECONDS);
            ExecutionException byDefault = assertThrows(ExecutionException.class,
                    () -> gateway.neverAnswersWithinDefault().get(15, TimeUnit.SECONDS));
            assertInstanceOf(RpcTimeoutException.class, byDefault.getCause());
            assertEquals("still fine", gateway.echo("still fine").get(15, TimeUnit.SECONDS));
        } finally {
            impatient.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsRunOnTheMainThreadAndNeverOverlap() throws Exception {
        EchoGateway self = endpoint.getSelfGateway(EchoGateway.class);
        EchoGateway local = server.connect(endpoint.getAddress(), EchoGateway.class).get(15, TimeUnit.SECONDS);
        assertTrue(remote.runsOnMainThread().get(15, TimeUnit.SECONDS));
        assertTrue(self.runsOnMainThread().get(15, TimeUnit.SECONDS));
        assertTrue(local.runsOnMainThread().get(15, TimeUnit.SECONDS));

        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (EchoGateway gateway : List.of(remote, self, local)) {
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    CompletableFuture<Integer> call = gateway.busyWork();
                    synchronized (calls) {
                        calls.add(call);
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(300, calls.size());
        assertEquals(0, remote.overlapsSeen().get(15, TimeUnit.SECONDS));
    }

    @Test
    void mainThreadCheckRejectsOtherThreads() {
        assertThrows(IllegalStateException.class, endpoint::validateRunsInMainThread);
    }

    @Test
    void runAsyncCallAsyncAndScheduledRunsExecuteOnTheMainThread() throws Exception {
        AtomicBoolean ranOnMainThread = new AtomicBoolean();
        endpoint.runAsync(() -> ranOnMainThread.set(endpoint.isRunningInMainThread()));
        await().atMost(Duration.ofSeconds(15)).untilTrue(ranOnMainThread);

        assertTrue(endpoint.callAsync(endpoint::isRunningInMainThread, Duration.ofSeconds(5))
                .get(15, TimeUnit.SECONDS));

        AtomicBoolean scheduled = new AtomicBoolean();
        endpoint.scheduleRunAsync(() -> scheduled.set(endpoint.isRunningInMainThread()), Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(15)).untilTrue(scheduled);

        AtomicBoolean cancelledRan = new AtomicBoolean();
        ScheduledRun cancelled = endpoint.scheduleRunAsync(() -> cancelledRan.set(true), Duration.ofMillis(100));
        cancelled.cancel();
        AtomicBoolean later = new AtomicBoolean();
        endpoint.scheduleRunAsync(() -> later.set(true), Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(15)).untilTrue(later);
        assertTrue(!cancelledRan.get(), "a cancelled scheduled run must not run");
    }

    @Test
    void connectingToAMissingEndpointFailsClearly() {
        String missing = server.getAddress() + "/nobody";
        ExecutionException remoteMiss = assertThrows(ExecutionException.class,
                () -> client.connect(missing, EchoGateway.class).get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcEndpointNotFoundException.class, remoteMiss.getCause());
        assertTrue(remoteMiss.getCause().getMessage().contains("nobody"));
        ExecutionException localMiss = assertThrows(ExecutionException.class,
                () -> server.connect(missing, EchoGateway.class).get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcEndpointNotFoundException.class, localMiss.getCause());
    }

    @Test
    void callsToAStoppedEndpointFailAndItsNameCanBeReused() throws Exception {
        endpoint.closeAsync().get(15, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> remote.echo("anyone?").get(15, TimeUnit.SECONDS));
        assertInstanceOf(RpcEndpointNotFoundException.class, failure.getCause());

        EchoEndpoint again = new EchoEndpoint(server, "echo");
        again.start();
        assertEquals("back", remote.echo("back").get(15, TimeUnit.SECONDS));
    }
}
