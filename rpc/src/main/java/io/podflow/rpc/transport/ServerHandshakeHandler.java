package io.podflow.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * First handler of an accepted connection: reads only the fixed-size handshake frames, answers the client's
 * hello with its own nonce and proof, checks the client's proof, and on success removes itself so the frame
 * decoder behind it sees the rest. Any mismatch closes the connection; nothing else from the peer is decoded.
 */
public final class ServerHandshakeHandler extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHandshakeHandler.class);

    private final HandshakeProof proof;
    private final HandshakeTimeout timeout;
    private byte[] clientNonce;
    private byte[] serverNonce;

    public ServerHandshakeHandler(HandshakeProof proof, Duration timeout) {
        this.proof = proof;
        this.timeout = new HandshakeTimeout(timeout);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        timeout.start(ctx, expired -> {
            LOG.info("Closed RPC connection from {}: no handshake within {}", expired.channel().remoteAddress(),
                    timeout.duration());
            expired.close();
        });
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (clientNonce == null) {
            readClientHello(ctx, in);
        } else if (in.readableBytes() >= HandshakeProof.MAC_BYTES) {
            readClientProof(ctx, in);
        }
    }

    private void readClientHello(ChannelHandlerContext ctx, ByteBuf in) {
        if (in.readableBytes() < HandshakeProof.CLIENT_HELLO_BYTES) {
            return;
        }
        int magic = in.readInt();
        byte version = in.readByte();
        if (magic != HandshakeProof.MAGIC || version != HandshakeProof.VERSION) {
            refuse(ctx, in, "not a podflow RPC client (bad handshake header)");
            return;
        }
        clientNonce = new byte[HandshakeProof.NONCE_BYTES];
        in.readBytes(clientNonce);
        serverNonce = HandshakeProof.newNonce();
        ByteBuf challenge = ctx.alloc().buffer(HandshakeProof.SERVER_CHALLENGE_BYTES);
        challenge.writeBytes(serverNonce).writeBytes(proof.serverProof(clientNonce, serverNonce));
        ctx.writeAndFlush(challenge);
    }

    private void readClientProof(ChannelHandlerContext ctx, ByteBuf in) {
        byte[] received = new byte[HandshakeProof.MAC_BYTES];
        in.readBytes(received);
        if (!HandshakeProof.matches(proof.clientProof(clientNonce, serverNonce), received)) {
            ByteBuf rejected = ctx.alloc().buffer(1).writeByte(HandshakeProof.REJECTED);
            ctx.writeAndFlush(rejected).addListener(ChannelFutureListener.CLOSE);
            refuse(ctx, in, "wrong cluster secret");
            return;
        }
        timeout.cancel();
        ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(HandshakeProof.ACCEPTED));
        ctx.pipeline().remove(this);
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        timeout.cancel();
        in.skipBytes(in.readableBytes());
        LOG.info("Refused RPC connection from {}: {}", ctx.channel().remoteAddress(), reason);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        timeout.cancel();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("Closed RPC connection from {} during handshake: {}", ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
