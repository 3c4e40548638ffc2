package io.podflow.jobmanager.rest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes each complete request to its handler and writes the handler's answer, or the error it failed with, as
 * JSON. Handlers run on the REST server's worker threads, so they may touch files without stalling the network.
 */
final class RestRequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(RestRequestDispatcher.class);

    private final Router router;
    private final Executor workers;

    RestRequestDispatcher(Router router, Executor workers) {
        super(false);
        this.router = router;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        if (!http.decoderResult().isSuccess()) {
            http.release();
            JsonResponses.sendError(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request", false);
            return;
        }
        CompletableFuture<RestResponse> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> route(http), workers).thenCompose(response -> response);
        } catch (RejectedExecutionException e) {
            answer = CompletableFuture.failedFuture(new RestException(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "The REST server is shutting down"));
        }
        answer.whenComplete((response, error) -> {
            http.release();
            try {
                if (error == null) {
                    JsonResponses.send(ctx, response.status(), response.body(), keepAlive);
                    return;
                }
                sendFailure(ctx, http, unwrap(error), keepAlive);
            } catch (RuntimeException unwritable) {
                sendFailure(ctx, http, unwritable, keepAlive);
            }
        });
    }

    private CompletableFuture<RestResponse> route(FullHttpRequest http) {
        try {
            QueryStringDecoder uri = new QueryStringDecoder(http.uri());
            Router.Match match = router.route(http.method(), uri.path());
            return match.handler().handle(new RestRequest(http, match.pathParameters(), uri.parameters()));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void sendFailure(ChannelHandlerContext ctx, FullHttpRequest http, Throwable error,
            boolean keepAlive) {
        RestException rest = error instanceof RestException known ? known
                : GatewayFailures.toRest(error).orElse(null);
        if (rest != null) {
            JsonResponses.sendError(ctx, rest.status(), rest.getMessage(), keepAlive);
            return;
        }
        LOG.warn("REST request {} {} failed", http.method(), http.uri(), error);
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        JsonResponses.sendError(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error: " + reason,
                keepAlive);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("Closed REST connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
