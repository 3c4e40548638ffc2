package io.podflow.rpc;

/** No endpoint of that name is running at the address. */
public class RpcEndpointNotFoundException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcEndpointNotFoundException(String message) {
        super(message);
    }

    public RpcEndpointNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
