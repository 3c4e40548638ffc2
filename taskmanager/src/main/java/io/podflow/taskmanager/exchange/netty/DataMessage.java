package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** What a data connection carries after the handshake. */
sealed interface DataMessage {

    /** Consumer to producer: send me this subpartition; I can take {@code credits} buffers. */
    record PartitionRequest(SubpartitionKey key, int credits) implements DataMessage {
    }

    /** Consumer to producer: I freed {@code credits} more buffers. */
    record AddCredit(int credits) implements DataMessage {
    }

    /** Producer to consumer: whole length-prefixed records; reference counted so a dropped message frees its bytes. */
    final class BufferMessage extends DefaultByteBufHolder implements DataMessage {

        BufferMessage(ByteBuf records) {
            super(records);
        }
    }

    /** Producer to consumer: the producer finished and every record was sent. */
    record EndOfPartition() implements DataMessage {
    }

    /** Producer to consumer: the request cannot be served; the message says why. */
    record ErrorResponse(String message) implements DataMessage {
    }
}
