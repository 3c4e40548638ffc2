package io.podflow.localkube.kubelet.api.spdy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the SPDY frames a handler writes, from whichever thread writes them (an EmbeddedChannel's own
 * outbound queue is not thread-safe), keeping data frames' bytes.
 */
public final class RecordedFrames extends ChannelOutboundHandlerAdapter {

    private final List<Object> frames = new CopyOnWriteArrayList<>();
    private final List<Written> data = new CopyOnWriteArrayList<>();

    /** What one data frame carried. */
    public record Written(int streamId, byte[] bytes, boolean last) {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof SpdyDataFrame frame) {
            ByteBuf content = frame.content();
            byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            data.add(new Written(frame.streamId(), bytes, frame.isLast()));
        }
        frames.add(msg instanceof SpdyFrame ? msg.getClass().getSimpleName() + ":" + msg : msg);
        ReferenceCountUtil.release(msg);
        promise.setSuccess();
    }

    public List<Object> frames() {
        return frames;
    }

    /** Every byte written to {@code streamId}, in order. */
    public String text(int streamId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        data.stream().filter(written -> written.streamId() == streamId).forEach(written -> out.writeBytes(written.bytes()));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True once the server half-closed {@code streamId}. */
    public boolean finished(int streamId) {
        return data.stream().anyMatch(written -> written.streamId() == streamId && written.last());
    }
}
