package io.podflow.jobmanager.rest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.podflow.common.config.RestOptions;

/** Collects a request and its body; a body over the limit is dropped and answered with a JSON 413. */
final class RestRequestAggregator extends HttpObjectAggregator {

    private final int maxContentLength;

    RestRequestAggregator(int maxContentLength) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // the aggregator skips the rest of an oversized body, so a keep-alive connection can serve the next request
        boolean keepAlive = !(oversized instanceof FullHttpMessage)
                && JsonResponses.canContinueAfterRefusing(oversized);
        JsonResponses.sendError(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than "
                + maxContentLength + " bytes, the limit set by " + RestOptions.MAX_CONTENT_LENGTH.key(), keepAlive);
    }
}
