package io.podflow.rpc.transport;

/** Receives the one outcome of an outstanding call on a client connection. */
public interface ResponseListener {

    void onResult(byte[] value);

    void onFailure(byte[] failure);

    /** The call could not complete: the connection broke, the write failed or the call timed out. */
    void onError(Throwable error);
}
