package io.podflow.rpc.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

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
        pipeline.addLast("handshake", new ServerHandshakeHandler(proof, handshakeTimeout));
        addCodec(pipeline, dispatch);
    }

    public void initClient(ChannelPipeline pipeline, ClientHandshakeHandler handshake, ClientResponseHandler responses) {
        pipeline.addLast("handshake", handshake);
        addCodec(pipeline, responses);
    }

    public ClientHandshakeHandler clientHandshake(CompletableFuture<Void> authenticated) {
        return new ClientHandshakeHandler(proof, handshakeTimeout, authenticated);
    }

    private void addCodec(ChannelPipeline pipeline, ChannelHandler dispatch) {
        pipeline.addLast("framing", new LengthFieldBasedFrameDecoder(maxFrameBytes + 4, 0, 4, 0, 4));
        pipeline.addLast("decoder", new RpcMessageDecoder());
        pipeline.addLast("encoder", new RpcMessageEncoder(maxFrameBytes));
        pipeline.addLast("dispatch", dispatch);
    }
}
