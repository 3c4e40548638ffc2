package io.podflow.api.typeutils;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link DataOutputView} wrote, from a byte array. */
public final class DataInputView {

    private byte[] buffer;
    private int position;
    private int limit;

    public DataInputView() {
        this(new byte[0]);
    }

    public DataInputView(byte[] bytes) {
        wrap(bytes);
    }

    /** Starts reading {@code bytes} from the beginning. */
    public void wrap(byte[] bytes) {
        buffer = bytes;
        position = 0;
        limit = bytes.length;
    }

    /** Bytes not read yet. */
    public int available() {
        return limit - position;
    }

    public int readByte() {
        require(1);
        return buffer[position++];
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public short readShort() {
        require(2);
        int value = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return (short) value;
    }

    public char readChar() {
        return (char) readShort();
    }

    public int readInt() {
        require(4);
        int value = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    public long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int next = readByte();
            value |= (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("Corrupt record: a variable-length int runs over 5 bytes");
    }

    public byte[] readByteArray() {
        int length = readVarInt();
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    public String readString() {
        int length = readVarInt();
        require(length);
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    private void require(int bytes) {
        if (bytes < 0 || position + bytes > limit) {
            throw new IllegalStateException("Corrupt record: wanted " + bytes + " more bytes at offset " + position
                    + " of " + limit);
        }
    }
}
