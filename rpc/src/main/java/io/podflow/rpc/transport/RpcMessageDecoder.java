package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;

/** Turns one frame body (length prefix already stripped) into an {@link RpcMessage}; the frame is released after. */
public final class RpcMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final WireStrings strings = new WireStrings();

    public RpcMessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame));
    }

    private RpcMessage decode(ByteBuf frame) {
        byte kind = frame.readByte();
        long callId = frame.readLong();
        switch (kind) {
            case MessageKind.ASK, MessageKind.TELL -> {
                String endpoint = strings.read(frame);
                String signature = strings.read(frame);
                int tokenLength = frame.readInt();
                if (tokenLength < -1 || tokenLength > frame.readableBytes()) {
                    throw new CorruptedFrameException("Fencing token length " + tokenLength + " does not fit its frame");
                }
                byte[] token = tokenLength < 0 ? null : readBytes(frame, tokenLength);
                byte[] args = readBytes(frame, frame.readableBytes());
                return new RpcMessage.Invocation(callId, kind == MessageKind.ASK, endpoint, signature, token, args);
            }
            case MessageKind.IDENTIFY -> {
                return new RpcMessage.Identify(callId, strings.read(frame));
            }
            case MessageKind.RESULT -> {
                return new RpcMessage.Result(callId, readBytes(frame, frame.readableBytes()));
            }
            case MessageKind.FAILURE -> {
                return new RpcMessage.Failure(callId, readBytes(frame, frame.readableBytes()));
            }
            default -> throw new CorruptedFrameException("Unknown RPC message kind " + kind);
        }
    }

    private static byte[] readBytes(ByteBuf frame, int length) {
        byte[] bytes = new byte[length];
        frame.readBytes(bytes);
        return bytes;
    }
}
