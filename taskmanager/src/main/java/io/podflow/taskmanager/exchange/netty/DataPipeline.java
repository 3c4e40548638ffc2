package io.podflow.taskmanager.exchange.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.podflow.rpc.transport.ClientHandshakeHandler;
import io.podflow.rpc.transport.HandshakeProof;
import io.podflow.rpc.transport.ServerHandshakeHandler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The handlers of a data connection, in order: the cluster-secret handshake of the RPC layer, framing, the
 * message codec, then the side's own handler. Nothing reaches the codec before the handshake succeeded.
 */
final class DataPipeline {

    private static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;
    private static final DataMessageEncoder ENCODER = new DataMessageEncoder();
    private static final DataMessageDecoder DECODER = new DataMessageDecoder();

    private final HandshakeProof proof;
    private final Duration handshakeTimeout;

    DataPipeline(HandshakeProof proof, Duration handshakeTimeout) {
        this.proof = proof;
        this.handshakeTimeout = handshakeTimeout;
    }

    void initServer(ChannelPipeline pipeline, ChannelHandler partitionRequests) {
        pipeline.addLast("handshake", new ServerHandshakeHandler(proof, handshakeTimeout));
        addCodec(pipeline, partitionRequests);
    }

    void initClient(ChannelPipeline pipeline, CompletableFuture<Void> authenticated, ChannelHandler channelHandler) {
        pipeline.addLast("handshake", new ClientHandshakeHandler(proof, handshakeTimeout, authenticated));
        addCodec(pipeline, channelHandler);
    }

    private static void addCodec(ChannelPipeline pipeline, ChannelHandler handler) {
        pipeline.addLast("framing", new LengthFieldBasedFrameDecoder(MAX_FRAME_BYTES, 0, 4, 0, 4));
        pipeline.addLast("encoder", ENCODER);
        pipeline.addLast("decoder", DECODER);
        pipeline.addLast("handler", handler);
    }
}
