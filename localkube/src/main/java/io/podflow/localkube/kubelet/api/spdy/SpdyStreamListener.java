package io.podflow.localkube.kubelet.api.spdy;

import io.netty.buffer.ByteBuf;

/** What a kubelet SPDY session (exec, port-forward) does with the streams its client opens; called on the event loop. */
public interface SpdyStreamListener {

    void opened(SpdyStream stream);

    /** Data from the client; {@code data} is valid only during the call (retain or copy it to keep it). */
    void data(SpdyStream stream, ByteBuf data);

    /** The client half-closed the stream (FIN): it sends nothing more on it. */
    void finished(SpdyStream stream);

    /** The client aborted the stream. */
    void reset(SpdyStream stream);

    /** The connection is gone. */
    void closed();
}
