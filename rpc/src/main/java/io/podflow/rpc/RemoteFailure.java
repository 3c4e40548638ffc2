package io.podflow.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire form of an exception thrown by an endpoint: type name, message, stack and cause, as plain data. It is
 * rebuilt as the RPC layer's own exception type when it is one, otherwise as a {@link RemoteRpcException};
 * the remote class itself is never loaded.
 */
record RemoteFailure(String className, String message, List<Frame> stack, RemoteFailure cause) {

    private static final int MAX_CAUSES = 8;

    private static final Map<String, Function<String, RpcException>> RPC_EXCEPTIONS = Map.of(
            RpcException.class.getName(), RpcException::new,
            RpcConnectionException.class.getName(), RpcConnectionException::new,
            RpcTimeoutException.class.getName(), RpcTimeoutException::new,
            FencingTokenException.class.getName(), FencingTokenException::new,
            RpcEndpointNotFoundException.class.getName(), RpcEndpointNotFoundException::new,
            RpcCodecException.class.getName(), RpcCodecException::new,
            RpcFrameTooLargeException.class.getName(), RpcFrameTooLargeException::new);

    /** One stack frame. */
    record Frame(String declaringClass, String methodName, String fileName, int lineNumber) {
    }

    static RemoteFailure of(Throwable error) {
        return of(error, MAX_CAUSES);
    }

    private static RemoteFailure of(Throwable error, int causesLeft) {
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement element : error.getStackTrace()) {
            frames.add(new Frame(element.getClassName(), element.getMethodName(), element.getFileName(),
                    element.getLineNumber()));
        }
        String className = error instanceof RemoteRpcException remote ? remote.remoteClassName()
                : error.getClass().getName();
        String message = error instanceof RemoteRpcException remote ? remote.remoteMessage() : error.getMessage();
        Throwable cause = error.getCause();
        RemoteFailure wireCause = cause == null || cause == error || causesLeft == 0 ? null : of(cause, causesLeft - 1);
        return new RemoteFailure(className, message, frames, wireCause);
    }

    Throwable toException() {
        Function<String, RpcException> rpcType = RPC_EXCEPTIONS.get(className);
        RpcException exception = rpcType != null && message != null ? rpcType.apply(message)
                : new RemoteRpcException(className, message);
        StackTraceElement[] elements = new StackTraceElement[stack == null ? 0 : stack.size()];
        for (int i = 0; i < elements.length; i++) {
            Frame frame = stack.get(i);
            elements[i] = new StackTraceElement(frame.declaringClass(), frame.methodName(), frame.fileName(),
                    frame.lineNumber());
        }
        exception.setStackTrace(elements);
        if (cause != null) {
            exception.initCause(cause.toException());
        }
        return exception;
    }
}
