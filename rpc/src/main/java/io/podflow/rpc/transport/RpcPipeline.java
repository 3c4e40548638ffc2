package io.podflow.rpc.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Assembles the handler chains of both ends: handshake, framing, codec, then dispatch. */
public final class RpcPipeline {

    private final HandshakeProof proof;
    private final Duration handshakeTimeout;
    private final int maxFrameBytes;

    public RpcPipeline(HandshakeProof proof, Duration handshakeTimeout, int maxFrameBytes) {
        this.proof = proof;
        this.handshakeTimeout = handshakeTimeout;
        this.maxFrameBytes = maxFrameBytes;
    }

    public void initServer(ChannelPipeline pipeline, ServerDispatchHandler dispatch) {
        addFlushBatching(pipeline);
        pipeline.addLast("handshake", new ServerHandshakeHandler(proof, handshakeTimeout));
        addCodec(pipeline, dispatch);
    }

    public void initClient(ChannelPipeline pipeline, ClientHandshakeHandler handshake, ClientResponseHandler responses) {
        addFlushBatching(pipeline);
        pipeline.addLast("handshake", handshake);
        addCodec(pipeline, responses);
    }

    public ClientHandshakeHandler clientHandshake(CompletableFuture<Void> authenticated) {
        return new ClientHandshakeHandler(proof, handshakeTimeout, authenticated);
    }

    /**
     * Many calls in flight mean many small writes: flushes issued while a read is in progress, or queued from
     * other threads in the same event-loop turn, become one flush (one syscall) instead of one each.
     */
    private static void addFlushBatching(ChannelPipeline pipeline) {
        pipeline.addLast("flush-batching", new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }

    private void addCodec(ChannelPipeline pipeline, ChannelHandler dispatch) {
        pipeline.addLast("framing", new LengthFieldBasedFrameDecoder(maxFrameBytes + 4, 0, 4, 0, 4));
        pipeline.addLast("decoder", new RpcMessageDecoder());
        pipeline.addLast("encoder", new RpcMessageEncoder(maxFrameBytes));
        pipeline.addLast("dispatch", dispatch);
    }
}
