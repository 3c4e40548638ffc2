package io.podflow.rpc;

/** A payload could not be encoded or decoded, or uses a type that is not allowed on the wire. */
public class RpcCodecException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcCodecException(String message) {
        super(message);
    }

    public RpcCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
