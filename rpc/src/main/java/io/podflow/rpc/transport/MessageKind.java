package io.podflow.rpc.transport;

/** The first byte of every frame body. */
final class MessageKind {

    static final byte ASK = 1;
    static final byte TELL = 2;
    static final byte IDENTIFY = 3;
    static final byte RESULT = 4;
    static final byte FAILURE = 5;

    private MessageKind() {
    }
}
