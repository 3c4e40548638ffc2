package io.podflow.rpc;

/** A message is larger than {@code rpc.frame.max-size} allows, so it was not sent. */
public class RpcFrameTooLargeException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcFrameTooLargeException(long frameBytes, long maxFrameBytes) {
        super(describe(frameBytes, maxFrameBytes));
    }

    public RpcFrameTooLargeException(String message) {
        super(message);
    }

    /** What a message of {@code frameBytes} over the limit is told: its size, the limit and the option. */
    static String describe(long frameBytes, long maxFrameBytes) {
        return "RPC message of " + frameBytes + " bytes exceeds the limit of " + maxFrameBytes
                + " bytes (" + RpcOptions.FRAME_MAX_SIZE.key() + ")";
    }
}
