package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;

/** The consumer end a subpartition sends to: a network connection or an input gate in the same TaskManager. */
interface SubpartitionView {

    /** Takes ownership of a buffer of records; called only while the consumer has credit. */
    void send(ByteBuf records);

    /** The producer finished and every buffer was sent. */
    void sendEnd();

    /** The subpartition was released before its end, e.g. because the job was reset. */
    void fail(String reason);
}
