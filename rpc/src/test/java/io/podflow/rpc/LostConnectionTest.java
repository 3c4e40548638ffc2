package io.podflow.rpc;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls in flight fail promptly when their connection breaks, and the next call reconnects. */
class LostConnectionTest {

    @Test
    void inFlightCallsFailPromptlyAndTheNextCallReconnects() throws Exception {
        RpcService server = RpcServices.start();
        int port = server.getPort();
        new EchoEndpoint(server, "echo").start();
        RpcService client = RpcServices.start();
        try {
            EchoGateway echo = client.connect(server.getAddress() + "/echo", EchoGateway.class)
                    .get(20, TimeUnit.SECONDS);
            assertEquals("up", echo.echo("up").get(15, TimeUnit.SECONDS));
            List<CompletableFuture<String>> inFlight = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inFlight.add(echo.neverAnswers(Duration.ofMinutes(5)));
            }
            // one connection and one mailbox keep order: once this answers, the five calls are being served
            assertEquals("queued", echo.echo("queued").get(15, TimeUnit.SECONDS));

            server.closeAsync().get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> inFlight.stream().allMatch(CompletableFuture::isDone));
            for (CompletableFuture<String> call : inFlight) {
                CompletionException failure = assertThrows(CompletionException.class, call::join);
                assertInstanceOf(RpcConnectionException.class, failure.getCause());
            }
            CompletionException down = assertThrows(CompletionException.class, () -> echo.echo("down?").join());
            assertInstanceOf(RpcConnectionException.class, down.getCause());

            server = RpcServices.start(RpcServices.config(RpcServices.SECRET), port);
            new EchoEndpoint(server, "echo").start();
            assertEquals("back", echo.echo("back").get(15, TimeUnit.SECONDS));
        } finally {
            client.closeAsync().get(30, TimeUnit.SECONDS);
            server.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void unreachableAddressFailsWithAConnectionError() throws Exception {
        RpcService client = RpcServices.start();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.connect("127.0.0.1:" + closedPort + "/echo", EchoGateway.class)
                            .get(30, TimeUnit.SECONDS));
            assertInstanceOf(RpcConnectionException.class, failure.getCause());
            assertTrue(failure.getCause().getMessage().startsWith("Cannot connect to 127.0.0.1:" + closedPort),
                    failure.getCause().getMessage());
        } finally {
            client.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }
}
