package io.podflow.rpc;

import io.podflow.common.config.MemorySize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages over {@code rpc.frame.max-size} fail their own call with a clear error and nothing else. */
class FrameLimitTest {

    private static final int LIMIT = 64 * 1024;

    private RpcService server;
    private RpcService client;
    private EchoGateway echo;

    @BeforeEach
    void start() throws Exception {
        server = RpcServices.start(limited(LIMIT), 0);
        client = RpcServices.start(limited(LIMIT), 0);
        new EchoEndpoint(server, "echo").start();
        echo = client.connect(server.getAddress() + "/echo", EchoGateway.class).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void oversizeRequestFailsOnTheSenderAndTheNextCallWorks() throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> echo.bytes(new byte[LIMIT]).get(20, TimeUnit.SECONDS));
        assertInstanceOf(RpcFrameTooLargeException.class, failure.getCause());
        String message = failure.getCause().getMessage();
        assertTrue(message.contains("exceeds the limit of " + LIMIT + " bytes"), message);
        assertTrue(message.contains("rpc.frame.max-size"), message);

        assertEquals("next", echo.echo("next").get(15, TimeUnit.SECONDS));
        assertEquals(1000, echo.bytes(new byte[1000]).get(15, TimeUnit.SECONDS).length);
    }

    @Test
    void oversizeReplyFailsTheCallAndTheNextCallWorks() throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> echo.replyOfSize(LIMIT).get(20, TimeUnit.SECONDS));
        assertInstanceOf(RpcFrameTooLargeException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("reply of EchoGateway.replyOfSize"),
                failure.getCause().getMessage());

        assertEquals("next", echo.echo("next").get(15, TimeUnit.SECONDS));
    }

    @Test
    void receiverDropsAPeerSendingOversizeFramesAndTheSenderReconnects() throws Exception {
        RpcService generous = RpcServices.start(limited(4 * LIMIT), 0);
        try {
            EchoGateway gateway = generous.connect(server.getAddress() + "/echo", EchoGateway.class)
                    .get(20, TimeUnit.SECONDS);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> gateway.bytes(new byte[2 * LIMIT]).get(20, TimeUnit.SECONDS));
            assertInstanceOf(RpcConnectionException.class, failure.getCause());

            assertEquals("reconnected", gateway.echo("reconnected").get(15, TimeUnit.SECONDS));
        } finally {
            generous.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    private static io.podflow.common.config.Configuration limited(int bytes) {
        return RpcServices.config(RpcServices.SECRET).set(RpcOptions.FRAME_MAX_SIZE, MemorySize.ofBytes(bytes));
    }
}
