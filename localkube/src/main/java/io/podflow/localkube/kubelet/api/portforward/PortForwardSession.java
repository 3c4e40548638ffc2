package io.podflow.localkube.kubelet.api.portforward;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.SocketChannel;
import io.podflow.localkube.kubelet.api.spdy.SpdyStream;
import io.podflow.localkube.kubelet.api.spdy.SpdyStreamListener;
import io.podflow.localkube.kubelet.exposure.PodConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code kubectl port-forward} connection ({@code portforward.k8s.io}): for every local connection the
 * client opens an error stream and a data stream with the same {@code requestID} and the pod {@code port};
 * once both are there the kubelet connects to the pod's IP at that port and copies bytes both ways. A
 * failure to connect is reported as text on the error stream. Everything here runs on the event loop.
 */
public final class PortForwardSession implements SpdyStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(PortForwardSession.class);

    private final String pod;
    private final Supplier<Optional<String>> podIp;
    private final Map<String, Forward> forwards = new HashMap<>();

    /** @param podIp the pod's current IP, looked up when each forwarded connection starts */
    public PortForwardSession(String pod, Supplier<Optional<String>> podIp) {
        this.pod = pod;
        this.podIp = podIp;
    }

    @Override
    public void opened(SpdyStream stream) {
        String requestId = Optional.ofNullable(stream.header("requestid")).orElse("");
        Forward forward = forwards.computeIfAbsent(requestId, id -> new Forward());
        switch (Optional.ofNullable(stream.header("streamtype")).orElse("")) {
            case "error" -> forward.error = stream;
            case "data" -> forward.data = stream;
            default -> {
                stream.reset();
                return;
            }
        }
        if (forward.error != null && forward.data != null) {
            connect(forward);
        }
    }

    @Override
    public void data(SpdyStream stream, ByteBuf data) {
        Forward forward = forwardOf(stream);
        if (forward != null && stream == forward.data && forward.pod != null) {
            // a listener runs at once when connected, else after connecting: either way in arrival order
            ByteBuf bytes = data.retain();
            forward.pod.addListener(connected -> {
                if (connected.isSuccess()) {
                    forward.pod.channel().writeAndFlush(bytes);
                } else {
                    bytes.release();
                }
            });
        }
    }

    @Override
    public void finished(SpdyStream stream) {
        Forward forward = forwardOf(stream);
        if (forward != null && stream == forward.data && forward.pod != null) {
            forward.pod.addListener(connected -> {
                if (connected.isSuccess()) {
                    ((SocketChannel) forward.pod.channel()).shutdownOutput();
                }
            });
        }
    }

    @Override
    public void reset(SpdyStream stream) {
        Forward forward = forwardOf(stream);
        if (forward != null && forward.pod != null) {
            forward.pod.channel().close();
        }
    }

    @Override
    public void closed() {
        forwards.values().stream().filter(forward -> forward.pod != null).forEach(forward -> forward.pod.channel().close());
    }

    private void connect(Forward forward) {
        String portHeader = forward.data.header("port");
        int port;
        try {
            port = Integer.parseInt(portHeader);
        } catch (NumberFormatException e) {
            fail(forward, "invalid port header '" + portHeader + "'");
            return;
        }
        Optional<String> ip = podIp.get();
        if (ip.isEmpty()) {
            fail(forward, "pod " + pod + " has no IP");
            return;
        }
        Channel spdy = forward.data.channel();
        forward.pod = PodConnection.open(spdy.eventLoop(), new InetSocketAddress(ip.get(), port), forward.data::write,
                () -> {
                    forwards.values().remove(forward);
                    forward.data.finish();
                    forward.error.finish();
                });
        forward.pod.addListener(connected -> {
            if (!connected.isSuccess()) {
                fail(forward, "error forwarding port " + port + " to pod " + pod + ": "
                        + connected.cause().getMessage());
            }
        });
    }

    private void fail(Forward forward, String message) {
        LOG.info("port-forward: {}", message);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        forward.error.write(bytes, bytes.length);
        forward.error.finish();
        forward.data.finish();
    }

    private Forward forwardOf(SpdyStream stream) {
        return forwards.values().stream().filter(forward -> forward.data == stream || forward.error == stream)
                .findFirst().orElse(null);
    }

    /** The two streams of one forwarded connection and, once opened, the connection to the pod. */
    private static final class Forward {
        SpdyStream error;
        SpdyStream data;
        ChannelFuture pod;
    }
}
