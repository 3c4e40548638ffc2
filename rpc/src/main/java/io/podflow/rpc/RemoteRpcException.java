package io.podflow.rpc;

/**
 * An exception thrown by the remote endpoint, rebuilt here: it keeps the remote type name, message and stack
 * trace (and cause chain) without loading or instantiating the remote exception class.
 */
public class RemoteRpcException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final String remoteMessage;

    public RemoteRpcException(String remoteClassName, String remoteMessage) {
        super(remoteMessage == null ? remoteClassName : remoteClassName + ": " + remoteMessage);
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
    }

    /** Fully qualified name of the exception class thrown on the remote side. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** The remote exception's own message, or null. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
