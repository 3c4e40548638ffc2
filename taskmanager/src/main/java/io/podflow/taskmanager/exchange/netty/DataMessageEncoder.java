package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.podflow.taskmanager.exchange.netty.DataMessage.AddCredit;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;
import io.podflow.taskmanager.exchange.netty.DataMessage.PartitionRequest;

import java.util.List;
import java.util.UUID;

/**
 * Writes a {@link DataMessage} as one frame: {@code int length, byte kind, body}. A buffer's records follow its
 * header as a separate buffer, so records are never copied.
 */
@ChannelHandler.Sharable
final class DataMessageEncoder extends MessageToMessageEncoder<DataMessage> {

    static final byte REQUEST = 1;
    static final byte CREDIT = 2;
    static final byte BUFFER = 3;
    static final byte END = 4;
    static final byte ERROR = 5;

    @Override
    protected void encode(ChannelHandlerContext ctx, DataMessage message, List<Object> out) {
        if (message instanceof PartitionRequest request) {
            ByteBuf frame = header(ctx, 1 + 16 + 16 + 4 + 16 + 4 + 4, REQUEST);
            SubpartitionKey key = request.key();
            writeUuid(frame, key.jobId().value());
            writeUuid(frame, key.producerVertex().value());
            frame.writeInt(key.producerSubtask());
            writeUuid(frame, key.consumerVertex().value());
            frame.writeInt(key.consumerSubtask()).writeInt(request.credits());
            out.add(frame);
        } else if (message instanceof AddCredit credit) {
            out.add(header(ctx, 1 + 4, CREDIT).writeInt(credit.credits()));
        } else if (message instanceof BufferMessage buffer) {
            out.add(header(ctx, 1 + buffer.content().readableBytes(), BUFFER));
            // the encoder releases the message after encode; the records travel on in the out list
            out.add(buffer.content().retain());
        } else if (message instanceof EndOfPartition) {
            out.add(header(ctx, 1, END));
        } else if (message instanceof ErrorResponse error) {
            int length = ByteBufUtil.utf8Bytes(error.message());
            ByteBuf frame = header(ctx, 1 + length, ERROR);
            ByteBufUtil.writeUtf8(frame, error.message());
            out.add(frame);
        }
    }

    private static ByteBuf header(ChannelHandlerContext ctx, int frameLength, byte kind) {
        int capacity = 4 + (kind == BUFFER ? 1 : frameLength);
        return ctx.alloc().buffer(capacity).writeInt(frameLength).writeByte(kind);
    }

    private static void writeUuid(ByteBuf frame, UUID value) {
        frame.writeLong(value.getMostSignificantBits()).writeLong(value.getLeastSignificantBits());
    }
}
