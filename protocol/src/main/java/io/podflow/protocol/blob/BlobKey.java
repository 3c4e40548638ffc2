package io.podflow.protocol.blob;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names a stored blob by the SHA-256 of its content, written as 64 lower-case hex digits. */
public record BlobKey(String hex) {

    /** Length of a SHA-256 digest in bytes. */
    public static final int BYTES = 32;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (hex == null || !HEX_SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a blob key (64 lower-case hex digits of a SHA-256): " + hex);
        }
    }

    /** The key of content whose SHA-256 digest is {@code digest}. */
    public static BlobKey fromDigest(byte[] digest) {
        if (digest.length != BYTES) {
            throw new IllegalArgumentException("A SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return new BlobKey(HexFormat.of().formatHex(digest));
    }

    /** The raw SHA-256 digest this key names. */
    public byte[] digest() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
