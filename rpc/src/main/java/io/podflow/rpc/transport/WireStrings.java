package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;

import java.nio.charset.StandardCharsets;

/** Short strings on the wire: an unsigned 16-bit byte count followed by UTF-8. */
final class WireStrings {

    static final int MAX_BYTES = 0xFFFF;

    private WireStrings() {
    }

    static int encodedLength(String value) {
        return 2 + utf8Length(value);
    }

    static void write(ByteBuf out, String value) {
        int length = utf8Length(value);
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("String of " + length + " bytes is too long for the RPC wire");
        }
        out.writeShort(length);
        out.writeCharSequence(value, StandardCharsets.UTF_8);
    }

    static String read(ByteBuf in) {
        int length = in.readUnsignedShort();
        if (length > in.readableBytes()) {
            throw new CorruptedFrameException("String of " + length + " bytes runs past the end of its frame");
        }
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    private static int utf8Length(String value) {
        return io.netty.buffer.ByteBufUtil.utf8Bytes(value);
    }
}
