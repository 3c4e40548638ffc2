package io.podflow.rpc;

/** The connection handshake failed: the peers do not share the cluster secret, or the peer is no podflow RPC service. */
public class RpcHandshakeException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcHandshakeException(String message) {
        super(message);
    }

    public RpcHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
