package io.podflow.rpc;

/** A fenced endpoint refused a message whose fencing token is missing or not the current one. */
public class FencingTokenException extends RpcException {

    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }

    public FencingTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
