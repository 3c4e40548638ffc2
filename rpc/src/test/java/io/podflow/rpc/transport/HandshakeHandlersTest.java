package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.podflow.rpc.RpcHandshakeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake handlers in isolation: bytes are carried by hand between a client and a server channel. */
class HandshakeHandlersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void sharedSecretAuthenticatesBothSidesAndPassesLaterBytesOn() {
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        List<ByteBuf> seenByServer = new ArrayList<>();
        EmbeddedChannel client = new EmbeddedChannel(
                new ClientHandshakeHandler(new HandshakeProof("s3cret"), TIMEOUT, authenticated));
        EmbeddedChannel server = new EmbeddedChannel(
                new ServerHandshakeHandler(new HandshakeProof("s3cret"), TIMEOUT), capture(seenByServer));

        exchange(client, server);

        authenticated.join();
        assertNull(client.pipeline().get(ClientHandshakeHandler.class));
        assertNull(server.pipeline().get(ServerHandshakeHandler.class));
        assertTrue(seenByServer.isEmpty(), "handshake bytes must not reach the next handler");

        server.writeInbound(Unpooled.wrappedBuffer(new byte[] {7, 8, 9}));
        assertEquals(1, seenByServer.size());
        assertEquals(3, seenByServer.get(0).readableBytes());
        seenByServer.forEach(ByteBuf::release);
    }

    @Test
    void wrongSecretIsRefusedAndTheClientSaysWhy() {
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        EmbeddedChannel client = new EmbeddedChannel(
                new ClientHandshakeHandler(new HandshakeProof("mine"), TIMEOUT, authenticated));
        EmbeddedChannel server = new EmbeddedChannel(
                new ServerHandshakeHandler(new HandshakeProof("theirs"), TIMEOUT));

        exchange(client, server);

        CompletionException failure = assertThrows(CompletionException.class, authenticated::join);
        assertInstanceOf(RpcHandshakeException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("cluster.secret"), failure.getCause().getMessage());
        assertFalse(client.isOpen());
    }

    @Test
    void serverRejectsAForgedClientProof() {
        EmbeddedChannel server = new EmbeddedChannel(
                new ServerHandshakeHandler(new HandshakeProof("s3cret"), TIMEOUT));
        server.writeInbound(Unpooled.buffer().writeInt(HandshakeProof.MAGIC).writeByte(HandshakeProof.VERSION)
                .writeBytes(HandshakeProof.newNonce()));
        ByteBuf challenge = server.readOutbound();
        assertEquals(HandshakeProof.SERVER_CHALLENGE_BYTES, challenge.readableBytes());
        challenge.release();

        server.writeInbound(Unpooled.wrappedBuffer(new byte[HandshakeProof.MAC_BYTES]));

        ByteBuf verdict = server.readOutbound();
        assertEquals(HandshakeProof.REJECTED, verdict.readByte());
        verdict.release();
        assertFalse(server.isOpen());
    }

    @Test
    void garbageIsNeverPassedOnAndClosesTheConnection() {
        List<ByteBuf> seenByServer = new ArrayList<>();
        EmbeddedChannel server = new EmbeddedChannel(
                new ServerHandshakeHandler(new HandshakeProof("s3cret"), TIMEOUT), capture(seenByServer));
        ByteBuf garbage = Unpooled.buffer().writeBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n0123456789".getBytes());
        server.writeInbound(garbage);

        assertFalse(server.isOpen());
        assertTrue(seenByServer.isEmpty());
        assertNull(server.readOutbound(), "the server answers nothing to a bad hello");
        assertEquals(0, garbage.refCnt());
    }

    @Test
    void silentPeerIsClosedAfterTheHandshakeTimeout() {
        EmbeddedChannel server = new EmbeddedChannel();
        server.freezeTime();
        server.pipeline().addLast(new ServerHandshakeHandler(new HandshakeProof("s3cret"), Duration.ofSeconds(2)));
        server.pipeline().fireChannelActive();
        server.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x50, 0x46}));
        server.advanceTimeBy(1, TimeUnit.SECONDS);
        server.runScheduledPendingTasks();
        assertTrue(server.isOpen());

        server.advanceTimeBy(2, TimeUnit.SECONDS);
        server.runScheduledPendingTasks();
        assertFalse(server.isOpen());
    }

    /** Moves bytes both ways until neither side has anything more to say. */
    private static void exchange(EmbeddedChannel client, EmbeddedChannel server) {
        boolean moved = true;
        while (moved) {
            moved = forward(client, server) | forward(server, client);
        }
    }

    private static boolean forward(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        ByteBuf bytes;
        while ((bytes = from.readOutbound()) != null) {
            moved = true;
            if (to.isOpen()) {
                to.writeInbound(bytes);
            } else {
                bytes.release();
            }
        }
        return moved;
    }

    private static ChannelInboundHandlerAdapter capture(List<ByteBuf> seen) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add((ByteBuf) msg);
            }
        };
    }
}
