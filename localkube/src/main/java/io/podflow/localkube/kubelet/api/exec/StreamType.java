package io.podflow.localkube.kubelet.api.exec;

/** Values of the {@code streamType} header with which kubectl opens each exec stream. */
final class StreamType {

    static final String HEADER = "streamtype";
    static final String ERROR = "error";
    static final String STDIN = "stdin";
    static final String STDOUT = "stdout";
    static final String STDERR = "stderr";
    static final String RESIZE = "resize";

    private StreamType() {
    }
}
