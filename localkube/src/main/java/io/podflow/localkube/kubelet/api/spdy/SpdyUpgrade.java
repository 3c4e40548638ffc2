package io.podflow.localkube.kubelet.api.spdy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Switches an HTTP connection to Kubernetes' SPDY/3.1 streams: picks the sub-protocol from the client's
 * {@code X-Stream-Protocol-Version} offers, answers 101, and replaces the HTTP handlers with the SPDY codec.
 */
public final class SpdyUpgrade {

    public static final String UPGRADE_TOKEN = "SPDY/3.1";
    static final String PROTOCOL_HEADER = "X-Stream-Protocol-Version";

    private SpdyUpgrade() {
    }

    /** True when the request asks to upgrade to SPDY/3.1. */
    public static boolean isRequested(HttpRequest request) {
        return UPGRADE_TOKEN.equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE, ""));
    }

    /** The first protocol the client offers that the server supports (offers may repeat the header or list several). */
    public static Optional<String> negotiate(HttpRequest request, List<String> supported) {
        List<String> offered = new ArrayList<>();
        for (String value : request.headers().getAll(PROTOCOL_HEADER)) {
            for (String protocol : value.split(",")) {
                offered.add(protocol.trim());
            }
        }
        return offered.stream().filter(supported::contains).findFirst();
    }

    /**
     * Answers 101 with {@code protocol} and turns the pipeline into a SPDY stream server for {@code listener};
     * the handlers named in {@code httpHandlers} (codec, aggregator, router) are removed.
     */
    public static void switchTo(ChannelHandlerContext ctx, String protocol, SpdyStreamListener listener,
            List<ChannelHandler> httpHandlers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS);
        response.headers().set(HttpHeaderNames.CONNECTION, "Upgrade")
                .set(HttpHeaderNames.UPGRADE, UPGRADE_TOKEN)
                .set(PROTOCOL_HEADER, protocol);
        // on the event loop the response passes the HTTP encoder now, before the encoder is removed
        ctx.writeAndFlush(response);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addLast(new SpdyFrameCodec(SpdyVersion.SPDY_3_1), new SpdyStreamServer(listener));
        httpHandlers.forEach(pipeline::remove);
    }
}
