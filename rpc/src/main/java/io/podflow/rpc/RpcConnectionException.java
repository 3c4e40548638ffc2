package io.podflow.rpc;

/** A connection to a peer could not be made or broke while calls were in flight. */
public class RpcConnectionException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message) {
        super(message);
    }

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
