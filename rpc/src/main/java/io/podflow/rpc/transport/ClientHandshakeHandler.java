package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.podflow.rpc.RpcHandshakeException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * First handler of an outgoing connection: sends the hello, checks the server's proof of the cluster secret,
 * answers with its own and waits for the verdict. {@code authenticated} completes when the connection may carry
 * RPC frames, or fails with a {@link RpcHandshakeException} saying why not.
 */
public final class ClientHandshakeHandler extends ByteToMessageDecoder {

    private final HandshakeProof proof;
    private final HandshakeTimeout timeout;
    private final CompletableFuture<Void> authenticated;
    private final byte[] clientNonce = HandshakeProof.newNonce();
    private boolean proofSent;

    public ClientHandshakeHandler(HandshakeProof proof, Duration timeout, CompletableFuture<Void> authenticated) {
        this.proof = proof;
        this.timeout = new HandshakeTimeout(timeout);
        this.authenticated = authenticated;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        timeout.start(ctx, expired -> fail(expired,
                "the peer did not complete the handshake within " + timeout.duration()));
        ByteBuf hello = ctx.alloc().buffer(HandshakeProof.CLIENT_HELLO_BYTES);
        hello.writeInt(HandshakeProof.MAGIC).writeByte(HandshakeProof.VERSION).writeBytes(clientNonce);
        ctx.writeAndFlush(hello);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!proofSent) {
            if (in.readableBytes() >= HandshakeProof.SERVER_CHALLENGE_BYTES) {
                answerChallenge(ctx, in);
            }
        } else if (in.isReadable()) {
            readVerdict(ctx, in);
        }
    }

    private void answerChallenge(ChannelHandlerContext ctx, ByteBuf in) {
        byte[] serverNonce = new byte[HandshakeProof.NONCE_BYTES];
        byte[] serverProof = new byte[HandshakeProof.MAC_BYTES];
        in.readBytes(serverNonce).readBytes(serverProof);
        if (!HandshakeProof.matches(proof.serverProof(clientNonce, serverNonce), serverProof)) {
            in.skipBytes(in.readableBytes());
            fail(ctx, "the peer could not prove it knows cluster.secret");
            return;
        }
        proofSent = true;
        ctx.writeAndFlush(ctx.alloc().buffer(HandshakeProof.MAC_BYTES)
                .writeBytes(proof.clientProof(clientNonce, serverNonce)));
    }

    private void readVerdict(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.readByte() != HandshakeProof.ACCEPTED) {
            in.skipBytes(in.readableBytes());
            fail(ctx, "the peer rejected our proof of cluster.secret (do both sides use the same secret?)");
            return;
        }
        timeout.cancel();
        ctx.pipeline().remove(this);
        authenticated.complete(null);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        timeout.cancel();
        authenticated.completeExceptionally(new RpcHandshakeException(
                "RPC handshake with " + ctx.channel().remoteAddress() + " failed: " + reason));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        timeout.cancel();
        authenticated.completeExceptionally(new RpcHandshakeException(
                "RPC handshake with " + ctx.channel().remoteAddress() + " failed: the peer closed the connection"));
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        timeout.cancel();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause.toString());
    }
}
