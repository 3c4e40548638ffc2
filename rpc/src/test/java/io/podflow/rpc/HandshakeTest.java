package io.podflow.rpc;

import io.podflow.common.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections are refused unless both sides know the cluster secret, and refusing one harms no other. */
class HandshakeTest {

    private RpcService server;

    @BeforeEach
    void start() {
        server = RpcServices.start();
        new EchoEndpoint(server, "echo").start();
    }

    @AfterEach
    void stop() throws Exception {
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aServiceWithoutSecretDoesNotStartAndSaysWhereTheSecretComesFrom() {
        RpcException refused = assertThrows(RpcException.class,
                () -> RpcServices.start(new Configuration(), 0));
        assertTrue(refused.getMessage().startsWith("cluster.secret is not set"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PODFLOW_CLUSTER_SECRET"), refused.getMessage());
    }

    @Test
    void wrongSecretIsRefusedWithAClearError() throws Exception {
        RpcService intruder = RpcServices.start(RpcServices.config("not-the-secret"), 0);
        try {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> intruder.connect(server.getAddress() + "/echo", EchoGateway.class).get(20, TimeUnit.SECONDS));
            assertInstanceOf(RpcHandshakeException.class, failure.getCause());
            assertTrue(failure.getCause().getMessage().contains("cluster.secret"), failure.getCause().getMessage());
        } finally {
            intruder.closeAsync().get(30, TimeUnit.SECONDS);
        }
        assertGoodClientIsServed();
    }

    @Test
    void garbageClientIsDisconnectedAndGoodClientsAreServed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: podflow\r\n\r\nmore and more bytes".getBytes());
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "the server must close without answering");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.serverConnectionCount() == 0);
        assertGoodClientIsServed();
    }

    private void assertGoodClientIsServed() throws Exception {
        RpcService friend = RpcServices.start();
        try {
            EchoGateway echo = friend.connect(server.getAddress() + "/echo", EchoGateway.class).get(20, TimeUnit.SECONDS);
            assertEquals("ok", echo.echo("ok").get(15, TimeUnit.SECONDS));
        } finally {
            friend.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }
}
