package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.podflow.rpc.RpcFrameTooLargeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoder and decoder of RPC frames in EmbeddedChannels. */
class RpcMessageCodecTest {

    private static final int LIMIT = 1024;

    @Test
    void everyMessageKindSurvivesTheRoundTrip() {
        List<RpcMessage> messages = List.of(
                new RpcMessage.Invocation(7, true, "resourcemanager", "register(java.lang.String)", "\"tok\"".getBytes(),
                        "[\"tm-1\"]".getBytes()),
                new RpcMessage.Invocation(0, false, "échø", "heartbeat()", null, "[]".getBytes()),
                new RpcMessage.Identify(8, "dispatcher"),
                new RpcMessage.Result(9, "42".getBytes()),
                new RpcMessage.Failure(10, "{}".getBytes()));
        for (RpcMessage message : messages) {
            RpcMessage decoded = roundTrip(message);
            assertEquals(message.callId(), decoded.callId());
            assertEquals(message.getClass(), decoded.getClass());
            assertEquals(message.bodyLength(), decoded.bodyLength());
        }
        RpcMessage.Invocation invocation = (RpcMessage.Invocation) roundTrip(messages.get(0));
        assertEquals("resourcemanager", invocation.endpoint());
        assertEquals("register(java.lang.String)", invocation.signature());
        assertArrayEquals("\"tok\"".getBytes(), invocation.fencingToken());
        assertArrayEquals("[\"tm-1\"]".getBytes(), invocation.args());
        assertTrue(invocation.expectsReply());
        RpcMessage.Invocation tell = (RpcMessage.Invocation) roundTrip(messages.get(1));
        assertNull(tell.fencingToken());
        assertFalse(tell.expectsReply());
        assertEquals("échø", tell.endpoint());
    }

    @Test
    void senderRefusesAnOversizeMessageBeforeWritingAnything() {
        EmbeddedChannel sender = new EmbeddedChannel(new RpcMessageEncoder(LIMIT));
        ChannelFuture write = sender.writeOneOutbound(new RpcMessage.Result(1, new byte[LIMIT]));
        sender.flush();

        assertFalse(write.isSuccess());
        Throwable cause = ConnectionErrors.unwrap(write.cause());
        assertInstanceOf(RpcFrameTooLargeException.class, cause);
        assertTrue(cause.getMessage().contains((LIMIT + 9) + " bytes"), cause.getMessage());
        assertTrue(cause.getMessage().contains(LIMIT + " bytes"), cause.getMessage());
        assertNull(sender.readOutbound());
        assertTrue(sender.isOpen(), "an oversize message must not break the connection");

        sender.writeOutbound(new RpcMessage.Result(2, new byte[10]));
        ByteBuf frame = sender.readOutbound();
        assertEquals(4 + 9 + 10, frame.readableBytes());
        frame.release();
    }

    @Test
    void receiverClosesTheConnectionOnAnOversizeFrameAndReleasesIt() {
        EmbeddedChannel receiver = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(LIMIT + 4, 0, 4, 0, 4),
                new RpcMessageDecoder(), new ServerDispatchHandler(new RejectingRequests()));
        ByteBuf oversize = Unpooled.buffer().writeInt(LIMIT + 1).writeBytes(new byte[64]);
        receiver.writeInbound(oversize);

        assertFalse(receiver.isOpen());
        assertEquals(0, oversize.refCnt());
    }

    @Test
    void corruptFrameClosesTheConnection() {
        EmbeddedChannel receiver = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(LIMIT + 4, 0, 4, 0, 4),
                new RpcMessageDecoder(), new ServerDispatchHandler(new RejectingRequests()));
        ByteBuf frame = Unpooled.buffer().writeInt(1 + 8 + 2).writeByte(1).writeLong(3).writeShort(5000);
        receiver.writeInbound(frame);

        assertFalse(receiver.isOpen());
        assertEquals(0, frame.refCnt());
    }

    @Test
    void repeatedNamesOnOneConnectionDecodeToWhatWasSent() {
        EmbeddedChannel sender = new EmbeddedChannel(new RpcMessageEncoder(LIMIT));
        EmbeddedChannel receiver = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(LIMIT + 4, 0, 4, 0, 4),
                new RpcMessageDecoder());
        List<String> signatures = List.of("stop(int)", "step(int)", "stop(int)", "stop(long)", "step(int)");
        for (int call = 0; call < 100; call++) {
            String signature = signatures.get(call % signatures.size());
            String endpoint = "taskmanager-" + call % 3;
            sender.writeOutbound(new RpcMessage.Invocation(call, true, endpoint, signature, null, new byte[0]));
            receiver.writeInbound((ByteBuf) sender.readOutbound());
            RpcMessage.Invocation decoded = receiver.readInbound();
            assertEquals(signature, decoded.signature());
            assertEquals(endpoint, decoded.endpoint());
            assertEquals(call, decoded.callId());
        }
    }

    private static RpcMessage roundTrip(RpcMessage message) {
        EmbeddedChannel sender = new EmbeddedChannel(new RpcMessageEncoder(LIMIT));
        EmbeddedChannel receiver = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(LIMIT + 4, 0, 4, 0, 4),
                new RpcMessageDecoder());
        sender.writeOutbound(message);
        ByteBuf frame = sender.readOutbound();
        receiver.writeInbound(frame);
        RpcMessage decoded = receiver.readInbound();
        assertEquals(0, frame.refCnt(), "the frame must be released once decoded");
        return decoded;
    }

    /** A request handler that must never be reached by the malformed input of these tests. */
    private static final class RejectingRequests implements RpcRequestHandler {
        @Override
        public void onInvocation(RpcMessage.Invocation invocation, io.netty.channel.Channel channel) {
            throw new AssertionError("no invocation expected");
        }

        @Override
        public void onIdentify(RpcMessage.Identify identify, io.netty.channel.Channel channel) {
            throw new AssertionError("no identify expected");
        }
    }
}
