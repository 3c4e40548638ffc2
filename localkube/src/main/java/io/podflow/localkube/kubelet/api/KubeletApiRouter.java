package io.podflow.localkube.kubelet.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.podflow.localkube.kubelet.api.exec.ExecRequest;
import io.podflow.localkube.kubelet.api.exec.ExecSession;
import io.podflow.localkube.kubelet.api.logs.ContainerLogStream;
import io.podflow.localkube.kubelet.api.logs.LogRange;
import io.podflow.localkube.kubelet.api.logs.LogRequest;
import io.podflow.localkube.kubelet.api.portforward.PortForwardSession;
import io.podflow.localkube.kubelet.api.spdy.SpdyStreamListener;
import io.podflow.localkube.kubelet.api.spdy.SpdyUpgrade;
import io.podflow.localkube.kubelet.container.LogIndex;
import io.podflow.localkube.kubelet.container.LogIndex.Mark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the kubelet API requests the API server proxies: container logs over plain HTTP, exec and
 * port-forward by switching the connection to SPDY streams. WebSocket upgrades are refused with 400,
 * which makes kubectl fall back to SPDY. One instance per connection.
 */
final class KubeletApiRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(KubeletApiRouter.class);
    static final List<String> EXEC_PROTOCOLS = List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
            "channel.k8s.io");
    static final List<String> PORT_FORWARD_PROTOCOLS = List.of("portforward.k8s.io");

    private final PodAccess pods;
    private final ScheduledExecutorService logIo;
    private final Executor execIo;
    private final List<ChannelHandler> httpHandlers;

    /** @param httpHandlers the HTTP handlers before this one, removed when the connection switches to SPDY */
    KubeletApiRouter(PodAccess pods, ScheduledExecutorService logIo, Executor execIo, List<ChannelHandler> httpHandlers) {
        this.pods = pods;
        this.logIo = logIo;
        this.execIo = execIo;
        this.httpHandlers = List.copyOf(httpHandlers);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Optional<KubeletPath> parsed = KubeletPath.parse(uri.path());
        if (parsed.isEmpty()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "the localkube kubelet serves /containerLogs, /exec and"
                    + " /portForward, not " + uri.path());
            return;
        }
        KubeletPath path = parsed.get();
        if ("websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE, ""))) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "the localkube kubelet streams over SPDY/3.1 only, not WebSocket");
            return;
        }
        if (pods.pod(path.namespace(), path.pod()).isEmpty()) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "pod " + path.namespace() + "/" + path.pod()
                    + " does not run on this kubelet");
            return;
        }
        try {
            switch (path.kind()) {
                case CONTAINER_LOGS -> serveLogs(ctx, path, uri.parameters());
                case EXEC -> upgrade(ctx, request, EXEC_PROTOCOLS, protocol -> new ExecSession(ctx.channel(),
                        path.containerRef(), ExecRequest.parse(uri.parameters()), protocol, pods.inits(), execIo));
                case PORT_FORWARD -> upgrade(ctx, request, PORT_FORWARD_PROTOCOLS,
                        protocol -> new PortForwardSession(path.namespace() + "/" + path.pod(),
                                () -> pods.podIp(path.namespace(), path.pod())));
            }
        } catch (IllegalArgumentException e) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private void serveLogs(ChannelHandlerContext ctx, KubeletPath path, Map<String, List<String>> query) {
        LogRequest request = LogRequest.parse(query, Instant.now());
        ContainerRef container = path.containerRef();
        Path log = pods.files().logFile(container);
        if (!Files.exists(log)) {
            respond(ctx, HttpResponseStatus.NOT_FOUND, "container " + container.container() + " of pod "
                    + container.namespace() + "/" + container.pod() + " has not started yet");
            return;
        }
        logIo.execute(() -> {
            List<Mark> marks;
            try {
                marks = LogIndex.read(LogIndex.of(log));
            } catch (IOException e) {
                respond(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read the log index of " + log + ": "
                        + e.getMessage());
                return;
            }
            Optional<LogRange> range = LogRange.of(marks, request.previous());
            if (range.isEmpty()) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "previous terminated container \"" + container.container()
                        + "\" in pod \"" + container.pod() + "\" not found");
                return;
            }
            new ContainerLogStream(ctx.channel(), log, request, marks, range.get(),
                    () -> pods.inits().isRunning(container), logIo).start();
        });
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, List<String> supported,
            java.util.function.Function<String, SpdyStreamListener> session) {
        if (!SpdyUpgrade.isRequested(request)) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "this endpoint needs an upgrade to "
                    + SpdyUpgrade.UPGRADE_TOKEN);
            return;
        }
        Optional<String> protocol = SpdyUpgrade.negotiate(request, supported);
        if (protocol.isEmpty()) {
            respond(ctx, HttpResponseStatus.FORBIDDEN, "no supported stream protocol offered; the localkube kubelet"
                    + " speaks " + String.join(", ", supported));
            return;
        }
        SpdyStreamListener listener = session.apply(protocol.get());
        List<ChannelHandler> handlers = new java.util.ArrayList<>(List.of(this));
        handlers.addAll(httpHandlers);
        SpdyUpgrade.switchTo(ctx, protocol.get(), listener, handlers);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        LOG.debug("kubelet API answers {}: {}", status.code(), message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("kubelet API connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
