package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.taskmanager.exchange.netty.DataMessage.AddCredit;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;
import io.podflow.taskmanager.exchange.netty.DataMessage.PartitionRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Turns one frame (length already stripped by the frame decoder) back into a {@link DataMessage}. */
@ChannelHandler.Sharable
final class DataMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte kind = frame.readByte();
        switch (kind) {
            case DataMessageEncoder.REQUEST -> {
                JobID job = new JobID(readUuid(frame));
                JobVertexID producer = new JobVertexID(readUuid(frame));
                int producerSubtask = frame.readInt();
                JobVertexID consumer = new JobVertexID(readUuid(frame));
                int consumerSubtask = frame.readInt();
                out.add(new PartitionRequest(new SubpartitionKey(job, producer, producerSubtask, consumer,
                        consumerSubtask), frame.readInt()));
            }
            case DataMessageEncoder.CREDIT -> out.add(new AddCredit(frame.readInt()));
            case DataMessageEncoder.BUFFER ->
                    out.add(new BufferMessage(frame.readRetainedSlice(frame.readableBytes())));
            case DataMessageEncoder.END -> out.add(new EndOfPartition());
            case DataMessageEncoder.ERROR -> out.add(new ErrorResponse(frame.readCharSequence(frame.readableBytes(),
                    StandardCharsets.UTF_8).toString()));
            default -> throw new CorruptedFrameException("Unknown data message kind " + kind);
        }
    }

    private static UUID readUuid(ByteBuf frame) {
        return new UUID(frame.readLong(), frame.readLong());
    }
}
