package io.podflow.localkube.kubelet.api.spdy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client-opened SPDY stream of a connection, as seen by the server: its headers, and writing data
 * and the final (FIN) frame to it. Safe to use from any thread; writes from one thread keep their order.
 */
public final class SpdyStream {

    /** Data frames are kept well below SPDY's 24-bit length limit. */
    static final int MAX_FRAME_BYTES = 32 * 1024;

    private final Channel channel;
    private final int id;
    private final Map<String, String> headers;
    private final AtomicBoolean finished = new AtomicBoolean();

    SpdyStream(Channel channel, int id, Map<String, String> headers) {
        this.channel = channel;
        this.id = id;
        this.headers = Map.copyOf(headers);
    }

    public int id() {
        return id;
    }

    /** A header the client sent when opening the stream (names are lower case in SPDY), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public Channel channel() {
        return channel;
    }

    /** Sends {@code data} (ownership passes to this stream); dropped once the stream is finished. */
    public void write(ByteBuf data) {
        if (finished.get()) {
            data.release();
            return;
        }
        while (data.readableBytes() > MAX_FRAME_BYTES) {
            channel.write(new DefaultSpdyDataFrame(id, data.readRetainedSlice(MAX_FRAME_BYTES)));
        }
        channel.writeAndFlush(new DefaultSpdyDataFrame(id, data));
    }

    public void write(byte[] bytes, int length) {
        write(Unpooled.copiedBuffer(bytes, 0, length));
    }

    /** Half-closes the stream from this side (an empty data frame with FIN); later calls do nothing. */
    public void finish() {
        if (finished.compareAndSet(false, true)) {
            DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(id, Unpooled.EMPTY_BUFFER);
            fin.setLast(true);
            channel.writeAndFlush(fin);
        }
    }

    /** Aborts the stream (RST_STREAM CANCEL). */
    public void reset() {
        if (finished.compareAndSet(false, true)) {
            channel.writeAndFlush(new DefaultSpdyRstStreamFrame(id, SpdyStreamStatus.CANCEL));
        }
    }
}
