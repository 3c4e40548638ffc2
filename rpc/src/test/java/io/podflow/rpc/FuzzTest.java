package io.podflow.rpc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random bytes, truncated frames and random frames after a valid handshake never crash the server, never leave
 * connections open and never grow its memory; a good client is served throughout.
 */
class FuzzTest {

    private static final int MAX_ITERATIONS = 2_000;
    private static final Duration MAX_TIME = Duration.ofSeconds(20);
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

    private final Random random = new Random(20261123L);
    private RpcService server;
    private RpcService client;
    private EchoGateway echo;

    @BeforeEach
    void start() throws Exception {
        server = RpcServices.start(RpcServices.config(RpcServices.SECRET)
                .set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofSeconds(2)), 0);
        new EchoEndpoint(server, "echo").start();
        client = RpcServices.start();
        echo = client.connect(server.getAddress() + "/echo", EchoGateway.class).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.closeAsync().get(30, TimeUnit.SECONDS);
        server.closeAsync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void hostileInputNeverHurtsTheServer() throws Exception {
        assertEquals("before", echo.echo("before").get(15, TimeUnit.SECONDS));
        int baselineConnections = server.serverConnectionCount();
        long baselineHeap = usedHeapAfterGc();

        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        int iterations = 0;
        while (iterations < MAX_ITERATIONS && System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
                socket.setSoTimeout(5_000);
                sendHostileInput(socket, iterations % 4);
            } catch (IOException expected) {
                // the server may close first; that is the point
            }
            iterations++;
            if (iterations % 250 == 0) {
                assertEquals("still here", echo.echo("still here").get(20, TimeUnit.SECONDS));
            }
        }
        assertTrue(iterations > 0);

        List<Socket> silent = openTruncatedHellos(10);
        for (Socket socket : silent) {
            try (socket) {
                socket.setSoTimeout(10_000);
                assertEquals(-1, socket.getInputStream().read(), "a silent peer must be dropped after the timeout");
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> server.serverConnectionCount() == baselineConnections);
        assertTrue(usedHeapAfterGc() < baselineHeap + HEAP_GROWTH_BOUND, "server memory grew under fuzzing");
        assertEquals("after", echo.echo("after").get(15, TimeUnit.SECONDS));
    }

    private void sendHostileInput(Socket socket, int kind) throws Exception {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        switch (kind) {
            case 0 -> out.write(randomBytes(random.nextInt(300)));
            case 1 -> {
                out.writeInt(0x50464C57);
                out.writeByte(1);
                out.write(randomBytes(random.nextInt(32)));
            }
            case 2 -> {
                out.writeInt(0x50464C57);
                out.writeByte(1);
                out.write(randomBytes(32));
                out.write(randomBytes(random.nextInt(64)));
            }
            default -> {
                authenticate(socket);
                for (int frames = random.nextInt(4); frames >= 0; frames--) {
                    out.write(randomFrame());
                }
            }
        }
        out.flush();
    }

    /** Random frames after a genuine handshake: lengths that lie, unknown kinds, truncated fields. */
    private byte[] randomFrame() {
        int bodyLength = random.nextInt(200);
        ByteBuffer frame = ByteBuffer.allocate(4 + bodyLength);
        int declared = switch (random.nextInt(4)) {
            case 0 -> bodyLength;
            case 1 -> random.nextInt();
            case 2 -> Integer.MAX_VALUE;
            default -> bodyLength + random.nextInt(100);
        };
        frame.putInt(declared);
        frame.put(randomBytes(bodyLength));
        if (bodyLength > 0 && random.nextBoolean()) {
            frame.put(4, (byte) (1 + random.nextInt(5)));
        }
        return frame.array();
    }

    /** The client side of the handshake, written from the protocol description, not from podflow's classes. */
    private static void authenticate(Socket socket) throws Exception {
        byte[] clientNonce = new byte[32];
        new Random().nextBytes(clientNonce);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(0x50464C57);
        out.writeByte(1);
        out.write(clientNonce);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] serverNonce = new byte[32];
        in.readFully(serverNonce);
        in.readFully(new byte[32]);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RpcServices.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("podflow-rpc client".getBytes(StandardCharsets.US_ASCII));
        mac.update(clientNonce);
        mac.update(serverNonce);
        out.write(mac.doFinal());
        out.flush();
        if (in.readByte() != 1) {
            throw new AssertionError("the fuzz client's own handshake must be accepted");
        }
    }

    private List<Socket> openTruncatedHellos(int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", server.getPort());
            socket.getOutputStream().write(new byte[] {0x50, 0x46, 0x4C});
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        return sockets;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
