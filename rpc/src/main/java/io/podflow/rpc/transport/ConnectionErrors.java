package io.podflow.rpc.transport;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;

/** Turns a pipeline exception into the one line worth logging about it. */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** The exception netty wrapped, if it wrapped one. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof DecoderException || current instanceof EncoderException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
