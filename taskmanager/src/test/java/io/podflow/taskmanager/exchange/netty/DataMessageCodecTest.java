package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.taskmanager.exchange.netty.DataMessage.AddCredit;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;
import io.podflow.taskmanager.exchange.netty.DataMessage.PartitionRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class DataMessageCodecTest {

    /** Encodes on one channel and decodes what it wrote, byte by byte, on another. */
    private static Object roundTrip(DataMessage message) {
        EmbeddedChannel sender = new EmbeddedChannel(new DataMessageEncoder());
        sender.writeOutbound(message);
        EmbeddedChannel receiver = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4),
                new DataMessageDecoder());
        ByteBuf written;
        while ((written = sender.readOutbound()) != null) {
            while (written.isReadable()) {
                receiver.writeInbound(written.readRetainedSlice(1));
            }
            written.release();
        }
        Object decoded = receiver.readInbound();
        assertFalse(receiver.finish(), "one message in, one message out");
        return decoded;
    }

    @Test
    void aPartitionRequestKeepsItsKeyAndCredits() {
        SubpartitionKey key = new SubpartitionKey(JobID.generate(), JobVertexID.generate(), 3, JobVertexID.generate(),
                7);

        assertEquals(new PartitionRequest(key, 5), roundTrip(new PartitionRequest(key, 5)));
    }

    @Test
    void creditsEndAndErrorsRoundTrip() {
        assertEquals(new AddCredit(2), roundTrip(new AddCredit(2)));
        assertInstanceOf(EndOfPartition.class, roundTrip(new EndOfPartition()));
        assertEquals(new ErrorResponse("gone: ü"), roundTrip(new ErrorResponse("gone: ü")));
    }

    @Test
    void aBufferKeepsItsRecordsAndBothSidesReleaseTheirCopies() {
        ByteBuf records = Unpooled.buffer().writeInt(3).writeBytes("abc".getBytes(StandardCharsets.UTF_8));

        BufferMessage decoded = (BufferMessage) roundTrip(new BufferMessage(records));

        assertEquals(0, records.refCnt(), "the sender's buffer is freed once written");
        assertEquals(3, decoded.content().readInt());
        assertEquals("abc", decoded.content().toString(StandardCharsets.UTF_8));
        decoded.release();
        assertEquals(0, decoded.refCnt());
    }
}
