package io.podflow.jobmanager.rest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only if it carries {@code Authorization: Bearer <token>}. It looks at the headers before
 * the body is aggregated, so an unauthenticated caller cannot make the server buffer an upload; the refused body
 * is read and dropped so the connection stays usable.
 */
final class BearerTokenCheck extends ChannelInboundHandlerAdapter {

    private static final String SCHEME = "Bearer ";

    private final byte[] expected;
    private boolean droppingBody;

    BearerTokenCheck(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request) {
            droppingBody = !authorized(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (droppingBody) {
                JsonResponses.sendError(ctx, HttpResponseStatus.UNAUTHORIZED, request.headers()
                        .contains(HttpHeaderNames.AUTHORIZATION) ? "The bearer token is not valid for this cluster"
                        : "Authentication required: send 'Authorization: Bearer <token>' (the cluster's REST token)",
                        JsonResponses.canContinueAfterRefusing(request));
            }
        }
        if (!droppingBody) {
            ctx.fireChannelRead(message);
            return;
        }
        if (message instanceof LastHttpContent) {
            droppingBody = false;
        }
        if (message instanceof HttpContent || message instanceof HttpRequest) {
            ReferenceCountUtil.release(message);
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented);
    }
}
