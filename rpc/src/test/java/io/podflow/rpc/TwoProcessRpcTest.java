package io.podflow.rpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same contract as on loopback, with the endpoints in a second JVM process. */
class TwoProcessRpcTest {

    private final UUID leader = UUID.randomUUID();
    private PeerProcess peer;
    private RpcService client;
    private String peerAddress;

    @BeforeEach
    void start() throws Exception {
        peer = PeerProcess.start(RpcServices.SECRET, leader);
        client = RpcServices.start();
        peerAddress = peer.awaitAddress();
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        peer.close();
    }

    @Test
    void askTellTimeoutsAndRemoteExceptionsAcrossProcesses() throws Exception {
        EchoGateway echo = client.connect(peerAddress + "/echo", EchoGateway.class).get(30, TimeUnit.SECONDS);
        assertEquals("across", echo.echo("across").get(10, TimeUnit.SECONDS));
        assertEquals(new EchoGateway.Item("i!", 8, List.of("t")),
                echo.roundTrip(new EchoGateway.Item("i", 7, List.of("t"))).get(10, TimeUnit.SECONDS));
        assertTrue(echo.runsOnMainThread().get(10, TimeUnit.SECONDS));

        echo.remember("one");
        echo.remember("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> echo.remembered().get().size() == 2);
        assertEquals(List.of("one", "two"), echo.remembered().get(10, TimeUnit.SECONDS));

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> echo.failWith("from the other JVM").get(10, TimeUnit.SECONDS));
        RemoteRpcException remote = assertInstanceOf(RemoteRpcException.class, failure.getCause());
        assertEquals(IllegalStateException.class.getName(), remote.remoteClassName());
        assertEquals("from the other JVM", remote.remoteMessage());
        assertEquals("failWith", remote.getStackTrace()[0].getMethodName());

        ExecutionException timeout = assertThrows(ExecutionException.class,
                () -> echo.neverAnswers(Duration.ofMillis(300)).get(10, TimeUnit.SECONDS));
        assertInstanceOf(RpcTimeoutException.class, timeout.getCause());
    }

    @Test
    void fencingAcrossProcesses() throws Exception {
        LeaderGateway current = client.connect(peerAddress + "/leader", leader, LeaderGateway.class)
                .get(30, TimeUnit.SECONDS);
        assertEquals("leader " + leader, current.whoIsLeader().get(10, TimeUnit.SECONDS));

        UUID stale = UUID.randomUUID();
        LeaderGateway old = client.connect(peerAddress + "/leader", stale, LeaderGateway.class)
                .get(30, TimeUnit.SECONDS);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> old.whoIsLeader().get(10, TimeUnit.SECONDS));
        assertInstanceOf(FencingTokenException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().contains("expected " + leader + ", got " + stale),
                refused.getCause().getMessage());
    }

    @Test
    void killedPeerFailsCallsInFlightPromptly() throws Exception {
        EchoGateway echo = client.connect(peerAddress + "/echo", EchoGateway.class).get(30, TimeUnit.SECONDS);
        List<CompletableFuture<String>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(echo.neverAnswers(Duration.ofMinutes(5)));
        }
        assertEquals("queued", echo.echo("queued").get(10, TimeUnit.SECONDS));

        peer.kill();

        await().atMost(Duration.ofSeconds(15)).until(() -> inFlight.stream().allMatch(CompletableFuture::isDone));
        for (CompletableFuture<String> call : inFlight) {
            CompletionException failure = assertThrows(CompletionException.class, call::join);
            assertInstanceOf(RpcConnectionException.class, failure.getCause());
        }
    }

    @Test
    void peerShutsDownCleanly() throws Exception {
        EchoGateway echo = client.connect(peerAddress + "/echo", EchoGateway.class).get(30, TimeUnit.SECONDS);
        assertEquals("bye", echo.echo("bye").get(10, TimeUnit.SECONDS));

        peer.stopGracefully();

        assertTrue(peer.process().waitFor(60, TimeUnit.SECONDS), "the peer JVM must exit once its service is closed");
        assertEquals(0, peer.process().exitValue(), String.join("\n", peer.output()));
        assertTrue(peer.output().contains("STOPPED"), String.join("\n", peer.output()));
    }
}
