package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The framing spoken after the cluster-secret handshake. A request is an operation byte followed by
 * {@code PUT: length(8) content}, {@code GET: key(32)} or {@code DELETE: key(32)}. A response starts with a status
 * byte; {@code OK} is followed by {@code PUT: key(32)}, {@code GET: length(8) content} or nothing for DELETE, and
 * {@code ERROR} by {@code length(2) UTF-8 message}.
 */
public final class BlobWire {

    public static final byte PUT = 1;
    public static final byte GET = 2;
    public static final byte DELETE = 3;
    public static final byte OK = 0;
    public static final byte ERROR = 1;
    public static final int LENGTH_BYTES = 8;
    static final int MESSAGE_LENGTH_BYTES = 2;
    private static final int MAX_MESSAGE_BYTES = 2000;

    private BlobWire() {
    }

    /** Writes an ERROR response carrying {@code message}, cut to the wire's limit. */
    public static void writeError(ByteBuf out, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_MESSAGE_BYTES);
        out.writeByte(ERROR).writeShort(length).writeBytes(text, 0, length);
    }

    /** Reads an error message if all of it has arrived, otherwise returns null and consumes nothing. */
    static String readErrorMessage(ByteBuf in) {
        if (in.readableBytes() < MESSAGE_LENGTH_BYTES
                || in.readableBytes() < MESSAGE_LENGTH_BYTES + in.getUnsignedShort(in.readerIndex())) {
            return null;
        }
        int length = in.readUnsignedShort();
        return in.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }

    /** Reads a 32-byte key; the caller checked that all of it has arrived. */
    public static BlobKey readKey(ByteBuf in) {
        byte[] digest = new byte[BlobKey.BYTES];
        in.readBytes(digest);
        return BlobKey.fromDigest(digest);
    }
}
