package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;

import java.nio.charset.StandardCharsets;

/**
 * Short strings on the wire: an unsigned 16-bit byte count followed by UTF-8. The same few endpoint names and
 * method signatures head every call on a connection, so each encoder and decoder keeps its own instance that
 * remembers the last {@value #REMEMBERED} short strings it saw, and neither encodes nor decodes them again. One instance
 * is used by one netty handler, so by one thread at a time.
 */
final class WireStrings {

    static final int MAX_BYTES = 0xFFFF;
    private static final int REMEMBERED = 32;
    /** Longer strings are not remembered, so a connection holds at most a few KiB of them. */
    private static final int REMEMBERED_MAX_BYTES = 256;

    private final String[] texts = new String[REMEMBERED];
    private final byte[][] encodings = new byte[REMEMBERED][];
    private int nextSlot;

    static int encodedLength(String value) {
        return 2 + ByteBufUtil.utf8Bytes(value);
    }

    /** The UTF-8 bytes of {@code value}, remembered by identity: callers pass the same constant strings again. */
    byte[] utf8(String value) {
        for (int i = 0; i < REMEMBERED; i++) {
            if (texts[i] == value) {
                return encodings[i];
            }
        }
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        if (encoded.length > MAX_BYTES) {
            throw new IllegalArgumentException("String of " + encoded.length + " bytes is too long for the RPC wire");
        }
        remember(value, encoded);
        return encoded;
    }

    static void write(ByteBuf out, byte[] utf8) {
        out.writeShort(utf8.length);
        out.writeBytes(utf8);
    }

    String read(ByteBuf in) {
        int length = in.readUnsignedShort();
        if (length > in.readableBytes()) {
            throw new CorruptedFrameException("String of " + length + " bytes runs past the end of its frame");
        }
        int start = in.readerIndex();
        in.skipBytes(length);
        for (int i = 0; i < REMEMBERED; i++) {
            byte[] known = encodings[i];
            if (known != null && known.length == length && sameBytes(in, start, known)) {
                return texts[i];
            }
        }
        byte[] bytes = new byte[length];
        in.getBytes(start, bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        remember(text, bytes);
        return text;
    }

    private static boolean sameBytes(ByteBuf in, int start, byte[] known) {
        for (int i = 0; i < known.length; i++) {
            if (in.getByte(start + i) != known[i]) {
                return false;
            }
        }
        return true;
    }

    private void remember(String text, byte[] encoded) {
        if (encoded.length > REMEMBERED_MAX_BYTES) {
            return;
        }
        texts[nextSlot] = text;
        encodings[nextSlot] = encoded;
        nextSlot = (nextSlot + 1) % REMEMBERED;
    }
}
