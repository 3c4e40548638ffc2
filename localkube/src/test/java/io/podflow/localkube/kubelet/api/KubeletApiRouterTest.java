package io.podflow.localkube.kubelet.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyFrameCodec;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdyVersion;
import io.podflow.localkube.kubelet.container.LogIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side of the kubelet API: routing, refusals, and the switch to SPDY streams. */
class KubeletApiRouterTest {

    @TempDir
    Path pods;

    @Test
    void anExecUpgradeSwitchesTheConnectionToSpdyAndRepliesToTheClientsStreams() {
        EmbeddedChannel server = server();
        server.writeInbound(Unpooled.copiedBuffer("POST /exec/ns/talker/main?command=true&output=1 HTTP/1.1\r\n"
                + "Host: 127.0.100.1:10250\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n"
                + "X-Stream-Protocol-Version: v5.channel.k8s.io\r\nX-Stream-Protocol-Version: v4.channel.k8s.io\r\n"
                + "Content-Length: 0\r\n\r\n", StandardCharsets.US_ASCII));

        String response = readText(server);
        assertTrue(response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), response);
        assertTrue(response.contains("x-stream-protocol-version: v4.channel.k8s.io") 
                || response.contains("X-Stream-Protocol-Version: v4.channel.k8s.io"), response);

        EmbeddedChannel client = new EmbeddedChannel(new SpdyFrameCodec(SpdyVersion.SPDY_3_1));
        DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(1, 0, (byte) 0);
        syn.headers().set("streamtype", "error");
        client.writeOutbound(syn);
        ByteBuf frameBytes = client.readOutbound();
        server.writeInbound(frameBytes);

        client.writeInbound((ByteBuf) server.readOutbound());
        SpdySynReplyFrame reply = client.readInbound();
        assertEquals(1, reply.streamId());
    }

    @Test
    void webSocketUpgradesAreRefusedSoKubectlFallsBackToSpdy() {
        EmbeddedChannel server = server();
        server.writeInbound(Unpooled.copiedBuffer("GET /exec/ns/talker/main?command=true&output=1 HTTP/1.1\r\n"
                + "Host: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n",
                StandardCharsets.US_ASCII));

        assertTrue(readText(server).startsWith("HTTP/1.1 400 Bad Request"));
    }

    @Test
    void aPodThisKubeletDoesNotKnowIsNotFound() {
        EmbeddedChannel server = server();
        server.writeInbound(Unpooled.copiedBuffer("GET /containerLogs/ns/other/main HTTP/1.1\r\nHost: x\r\n\r\n",
                StandardCharsets.US_ASCII));

        String response = readText(server);
        assertTrue(response.startsWith("HTTP/1.1 404 Not Found") && response.contains("pod ns/other does not run"),
                response);
    }

    @Test
    void previousLogsOfAContainerThatRanOnceAreABadRequestSayingSo() throws IOException {
        Path log = pods.resolve("ns_talker/main.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "only run\n");
        Files.writeString(LogIndex.of(log), "run 0 1769860800.000000000\n");
        EmbeddedChannel server = server();
        server.writeInbound(Unpooled.copiedBuffer("GET /containerLogs/ns/talker/main?previous=true HTTP/1.1\r\n"
                + "Host: x\r\n\r\n", StandardCharsets.US_ASCII));

        StringBuilder response = new StringBuilder();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            server.runPendingTasks();
            response.append(readText(server));
            return response.indexOf("\n\r\n") >= 0;
        });
        assertTrue(response.toString().startsWith("HTTP/1.1 400 Bad Request")
                && response.toString().contains("previous terminated container \"main\" in pod \"talker\" not found"),
                response.toString());
    }

    private EmbeddedChannel server() {
        PodFiles files = new PodFiles(pods);
        PodAccess access = new PodAccess(key -> key.equals("ns/talker")
                ? new PodBuilder().withNewMetadata().withName("talker").withNamespace("ns").endMetadata().build() : null,
                files, new ContainerInits(files));
        HttpServerCodec codec = new HttpServerCodec();
        HttpObjectAggregator aggregator = new HttpObjectAggregator(4096);
        return new EmbeddedChannel(codec, aggregator, new KubeletApiRouter(access,
                Executors.newSingleThreadScheduledExecutor(), Runnable::run, List.of(aggregator, codec)));
    }

    private static String readText(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf bytes = (ByteBuf) out;
            text.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        return text.toString();
    }
}
