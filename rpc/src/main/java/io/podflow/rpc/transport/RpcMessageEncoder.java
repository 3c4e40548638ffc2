package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.podflow.rpc.RpcFrameTooLargeException;

/**
 * Writes an {@link RpcMessage} as one length-prefixed frame. A message over the frame limit is refused here, on
 * the sender, so the write fails with {@link RpcFrameTooLargeException} and nothing reaches the socket.
 */
public final class RpcMessageEncoder extends MessageToByteEncoder<RpcMessage> {

    private final int maxFrameBytes;
    private final WireStrings strings = new WireStrings();

    public RpcMessageEncoder(int maxFrameBytes) {
        super(RpcMessage.class);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RpcMessage msg, boolean preferDirect) {
        int bodyLength = bodyLength(msg);
        if (bodyLength > maxFrameBytes) {
            throw new RpcFrameTooLargeException(bodyLength, maxFrameBytes);
        }
        return ctx.alloc().ioBuffer(4 + bodyLength);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RpcMessage msg, ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (msg instanceof RpcMessage.Invocation invocation) {
            out.writeByte(invocation.expectsReply() ? MessageKind.ASK : MessageKind.TELL);
            out.writeLong(invocation.callId());
            WireStrings.write(out, strings.utf8(invocation.endpoint()));
            WireStrings.write(out, strings.utf8(invocation.signature()));
            byte[] token = invocation.fencingToken();
            out.writeInt(token == null ? -1 : token.length);
            if (token != null) {
                out.writeBytes(token);
            }
            out.writeBytes(invocation.args());
        } else if (msg instanceof RpcMessage.Identify identify) {
            out.writeByte(MessageKind.IDENTIFY);
            out.writeLong(identify.callId());
            WireStrings.write(out, strings.utf8(identify.endpoint()));
        } else if (msg instanceof RpcMessage.Result result) {
            out.writeByte(MessageKind.RESULT);
            out.writeLong(result.callId());
            out.writeBytes(result.value());
        } else if (msg instanceof RpcMessage.Failure failure) {
            out.writeByte(MessageKind.FAILURE);
            out.writeLong(failure.callId());
            out.writeBytes(failure.failure());
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    private int bodyLength(RpcMessage msg) {
        if (msg instanceof RpcMessage.Invocation invocation) {
            return invocation.bodyLength(strings.utf8(invocation.endpoint()).length,
                    strings.utf8(invocation.signature()).length);
        }
        return msg.bodyLength();
    }
}
