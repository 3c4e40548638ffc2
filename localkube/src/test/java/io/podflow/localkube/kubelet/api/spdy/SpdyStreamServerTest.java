package io.podflow.localkube.kubelet.api.spdy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyPingFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
import io.netty.handler.codec.spdy.SpdyPingFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpdyStreamServerTest {

    private final List<String> events = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new SpdyStreamServer(new SpdyStreamListener() {
        @Override
        public void opened(SpdyStream stream) {
            events.add("opened " + stream.id() + " " + stream.header("streamtype"));
        }

        @Override
        public void data(SpdyStream stream, ByteBuf data) {
            events.add("data " + stream.id() + " " + data.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void finished(SpdyStream stream) {
            events.add("finished " + stream.id());
        }

        @Override
        public void reset(SpdyStream stream) {
            events.add("reset " + stream.id());
        }

        @Override
        public void closed() {
            events.add("closed");
        }
    }));

    @Test
    void everyStreamTheClientOpensIsRepliedToAndItsFramesReachTheSession() {
        DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(1, 0, (byte) 0);
        syn.headers().set("streamtype", "stdin");
        channel.writeInbound(syn);

        SpdySynReplyFrame reply = channel.readOutbound();
        assertEquals(1, reply.streamId());
        // Go's framer cannot read a reply whose header block is empty
        assertEquals("stdin", reply.headers().getAsString("streamtype"));

        channel.writeInbound(new DefaultSpdyDataFrame(1, Unpooled.copiedBuffer("hi\n", StandardCharsets.UTF_8)));
        DefaultSpdyDataFrame fin = new DefaultSpdyDataFrame(1);
        fin.setLast(true);
        channel.writeInbound(fin);
        channel.writeInbound(new DefaultSpdyDataFrame(7, Unpooled.copiedBuffer("unknown", StandardCharsets.UTF_8)));
        channel.writeInbound(new DefaultSpdyRstStreamFrame(1, SpdyStreamStatus.CANCEL));
        channel.close();

        assertEquals(List.of("opened 1 stdin", "data 1 hi\n", "finished 1", "reset 1", "closed"), events);
    }

    @Test
    void pingsAreEchoed() {
        channel.writeInbound(new DefaultSpdyPingFrame(5));

        SpdyPingFrame pong = channel.readOutbound();
        assertEquals(5, pong.id());
    }

    @Test
    void writesAreSplitIntoFramesAndFinishIsSentOnce() {
        DefaultSpdySynStreamFrame syn = new DefaultSpdySynStreamFrame(3, 0, (byte) 0);
        channel.writeInbound(syn);
        channel.readOutbound();
        SpdyStream stream = new SpdyStream(channel, 3, java.util.Map.of());

        stream.write(Unpooled.wrappedBuffer(new byte[SpdyStream.MAX_FRAME_BYTES + 10]));
        stream.finish();
        stream.finish();

        DefaultSpdyDataFrame first = channel.readOutbound();
        DefaultSpdyDataFrame second = channel.readOutbound();
        DefaultSpdyDataFrame last = channel.readOutbound();
        assertEquals(SpdyStream.MAX_FRAME_BYTES, first.content().readableBytes());
        assertEquals(10, second.content().readableBytes());
        assertTrue(last.isLast());
        assertEquals(null, (Object) channel.readOutbound());
        first.release();
        second.release();
    }

    @Test
    void theSubProtocolIsTheFirstOfferTheServerSupports() {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/exec/ns/p/c");
        request.headers().add("X-Stream-Protocol-Version", "v5.channel.k8s.io")
                .add("X-Stream-Protocol-Version", "v4.channel.k8s.io, v3.channel.k8s.io");

        assertEquals(Optional.of("v4.channel.k8s.io"),
                SpdyUpgrade.negotiate(request, List.of("v3.channel.k8s.io", "v4.channel.k8s.io")));
        assertEquals(Optional.empty(), SpdyUpgrade.negotiate(request, List.of("portforward.k8s.io")));
    }
}
