package io.podflow.localkube.kubelet.api.spdy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.spdy.DefaultSpdyGoAwayFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyGoAwayFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import io.netty.channel.ChannelFutureListener;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a Kubernetes SPDY/3.1 stream connection: every stream the client opens gets a
 * SYN_REPLY at once (the client waits for it before using the stream), pings are echoed (kubectl pings to
 * keep port-forwards alive), and frames are handed to the session's {@link SpdyStreamListener}.
 * Flow-control windows are not enforced: Go's spdystream, the only client, neither sends nor honours them.
 */
public final class SpdyStreamServer extends SimpleChannelInboundHandler<SpdyFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(SpdyStreamServer.class);

    private final SpdyStreamListener listener;
    private final Map<Integer, SpdyStream> streams = new HashMap<>();

    public SpdyStreamServer(SpdyStreamListener listener) {
        this.listener = listener;
    }

    /** Ends the connection politely once everything written so far is flushed. */
    public static void goAway(io.netty.channel.Channel channel) {
        channel.writeAndFlush(new DefaultSpdyGoAwayFrame(0)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SpdyFrame frame) {
        LOG.trace("SPDY frame from {}: {}", ctx.channel().remoteAddress(), frame);
        if (frame instanceof SpdySynStreamFrame syn) {
            Map<String, String> headers = new HashMap<>();
            // SPDY header names are lower case on the wire (the codec refuses others)
            syn.headers().forEach(entry -> headers.put(entry.getKey().toString(), entry.getValue().toString()));
            SpdyStream stream = new SpdyStream(ctx.channel(), syn.streamId(), headers);
            streams.put(syn.streamId(), stream);
            ctx.writeAndFlush(reply(syn));
            listener.opened(stream);
            if (syn.isLast()) {
                listener.finished(stream);
            }
        } else if (frame instanceof SpdyDataFrame data) {
            SpdyStream stream = streams.get(data.streamId());
            if (stream == null) {
                return;
            }
            if (data.content().isReadable()) {
                listener.data(stream, data.content());
            }
            if (data.isLast()) {
                listener.finished(stream);
            }
        } else if (frame instanceof SpdyRstStreamFrame rst) {
            SpdyStream stream = streams.remove(rst.streamId());
            if (stream != null) {
                listener.reset(stream);
            }
        } else if (frame instanceof SpdyPingFrame ping) {
            ctx.writeAndFlush(new DefaultSpdyPingFrame(ping.id()));
        } else if (frame instanceof SpdyGoAwayFrame) {
            ctx.close();
        }
        // SETTINGS, WINDOW_UPDATE and HEADERS frames carry nothing a kubelet session needs
    }

    /**
     * The reply echoes the stream's headers: netty encodes an empty header block as zero bytes, which Go's
     * SPDY framer cannot read (it expects at least a compressed header count) and drops the connection over.
     */
    private static SpdySynReplyFrame reply(SpdySynStreamFrame syn) {
        SpdySynReplyFrame reply = new DefaultSpdySynReplyFrame(syn.streamId());
        reply.headers().set(syn.headers());
        return reply;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        listener.closed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("SPDY connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
