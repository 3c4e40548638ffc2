package io.podflow.jobmanager.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.List;

/** Writes JSON responses, including the {@code {"errors": ["..."]}} body every error status carries. */
final class JsonResponses {

    /** The body of every error response. */
    record ErrorBody(List<String> errors) {
    }

    private JsonResponses() {
    }

    /**
     * Whether the connection may carry another request after refusing this one. A client waiting for
     * {@code 100 Continue} may or may not send the refused body next, so the connection cannot be trusted to
     * stay in step and is closed.
     */
    static boolean canContinueAfterRefusing(HttpMessage request) {
        return HttpUtil.isKeepAlive(request) && !HttpUtil.is100ContinueExpected(request);
    }

    static void send(ChannelHandlerContext ctx, HttpResponseStatus status, Object body, boolean keepAlive) {
        FullHttpResponse response = build(ctx.alloc(), status, body);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    static void sendError(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive) {
        send(ctx, status, new ErrorBody(List.of(message)), keepAlive);
    }

    static FullHttpResponse build(ByteBufAllocator alloc, HttpResponseStatus status, Object body) {
        byte[] json;
        try {
            json = RestJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A REST response body could not be written as JSON", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                alloc.buffer(json.length).writeBytes(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        return response;
    }
}
