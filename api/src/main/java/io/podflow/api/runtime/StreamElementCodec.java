package io.podflow.api.runtime;

import io.podflow.api.typeutils.DataInputView;
import io.podflow.api.typeutils.DataOutputView;
import io.podflow.api.typeutils.RecordSerializer;

/**
 * The bytes of stream elements between tasks. One kind byte, then:
 * {@code 0}: a record without timestamp, its value; {@code 1}: a record, its timestamp (8 bytes), its value;
 * {@code 2}: a watermark, the producer's subtask index (var-int) and the watermark (8 bytes).
 * Values are written by {@link RecordSerializer}. Not thread-safe: one per thread.
 */
public final class StreamElementCodec {

    private static final int RECORD = 0;
    private static final int TIMESTAMPED_RECORD = 1;
    private static final int WATERMARK = 2;

    private final RecordSerializer serializer;
    private final DataOutputView out = new DataOutputView(256);
    private final DataInputView in = new DataInputView();

    public StreamElementCodec(ClassLoader userClassLoader) {
        this.serializer = new RecordSerializer(userClassLoader);
    }

    public byte[] encodeRecord(StreamRecord record) {
        out.reset();
        if (record.hasTimestamp()) {
            out.writeByte(TIMESTAMPED_RECORD);
            out.writeLong(record.timestamp());
        } else {
            out.writeByte(RECORD);
        }
        serializer.serialize(record.value(), out);
        return out.toByteArray();
    }

    public byte[] encodeWatermark(int producerIndex, long watermark) {
        out.reset();
        out.writeByte(WATERMARK);
        out.writeVarInt(producerIndex);
        out.writeLong(watermark);
        return out.toByteArray();
    }

    /** A {@link StreamRecord}, or a {@link ChannelWatermark} on channel {@code channelOffset + producer index}. */
    Object decode(byte[] bytes, int channelOffset) {
        in.wrap(bytes);
        int kind = in.readByte();
        return switch (kind) {
            case RECORD -> StreamRecord.of(serializer.deserialize(in));
            case TIMESTAMPED_RECORD -> {
                long timestamp = in.readLong();
                yield new StreamRecord(serializer.deserialize(in), timestamp);
            }
            case WATERMARK -> {
                int producer = in.readVarInt();
                yield new ChannelWatermark(channelOffset + producer, in.readLong());
            }
            default -> throw new IllegalStateException("Corrupt stream element: unknown kind " + kind);
        };
    }
}
