package io.podflow.protocol.blob;

/** A blob could not be stored, found or fetched; the message says which and why in one line. */
public class BlobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BlobException(String message) {
        super(message);
    }

    public BlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
