package io.podflow.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link WireOutput} wrote; every read checks it stays inside the peer's bytes. */
final class WireInput {

    private final byte[] bytes;
    private int position;

    WireInput(byte[] bytes) {
        this.bytes = bytes;
    }

    int readByte() throws IOException {
        require(1);
        return bytes[position++];
    }

    int readInt() throws IOException {
        require(4);
        int value = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                | (bytes[position + 2] & 0xFF) << 8 | bytes[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    byte[] readSized() throws IOException {
        int length = readLength();
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String readString() throws IOException {
        int length = readLength();
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** The bytes of a sized value as a slice of the input: calls {@code reader} with array, offset and length. */
    <T> T readSized(SliceReader<T> reader) throws IOException {
        int length = readLength();
        T value = reader.read(bytes, position, length);
        position += length;
        return value;
    }

    boolean isExhausted() {
        return position == bytes.length;
    }

    private int readLength() throws IOException {
        int length = readInt();
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        require(length);
        return length;
    }

    private void require(int count) throws IOException {
        if (count > bytes.length - position) {
            throw new IOException("value runs past the end of the payload");
        }
    }

    /** Reads a value from part of a byte array. */
    interface SliceReader<T> {
        T read(byte[] bytes, int offset, int length) throws IOException;
    }
}
