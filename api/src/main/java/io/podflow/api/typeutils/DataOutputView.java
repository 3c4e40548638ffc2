package io.podflow.api.typeutils;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that serializers write big-endian primitives and strings into; reusable via reset. */
public final class DataOutputView {

    private byte[] buffer;
    private int size;

    public DataOutputView() {
        this(64);
    }

    public DataOutputView(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    /** Forgets what was written, keeping the buffer for the next record. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written since the last reset. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    public void writeShort(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    public void writeChar(char value) {
        writeShort(value);
    }

    public void writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    public void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    public void writeFloat(float value) {
        writeInt(Float.floatToIntBits(value));
    }

    public void writeDouble(double value) {
        writeLong(Double.doubleToLongBits(value));
    }

    /** An unsigned LEB128 int: one byte for values below 128, which most lengths are. */
    public void writeVarInt(int value) {
        while ((value & ~0x7F) != 0) {
            writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        writeByte(value);
    }

    public void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** A length-prefixed byte array. */
    public void writeByteArray(byte[] bytes) {
        writeVarInt(bytes.length);
        writeBytes(bytes, 0, bytes.length);
    }

    /** A string as its UTF-8 byte count and bytes; any length. */
    public void writeString(String value) {
        int length = value.length();
        int start = size;
        ensure(5 + length);
        // ASCII is the common case: write it directly, falling back to a full encode at the first other char
        writeVarInt(length);
        int headerEnd = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = start;
                writeByteArray(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[headerEnd + i] = (byte) c;
        }
        size = headerEnd + length;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
