package io.podflow.jobmanager.blob;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.podflow.protocol.blob.BlobFileWriter;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.blob.BlobWire;
import io.podflow.rpc.transport.ConnectionErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Serves the requests of one authenticated blob connection, one after another. PUT content is streamed to disk as it
 * arrives rather than buffered, so a jar of any size costs only a socket buffer of memory; GET content is sent
 * straight from the file.
 */
final class BlobRequestHandler extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(BlobRequestHandler.class);

    private final BlobStore store;
    private byte operation;
    private long remaining = -1;
    private BlobFileWriter upload;

    BlobRequestHandler(BlobStore store) {
        this.store = store;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        if (operation == 0) {
            operation = in.readByte();
            if (operation != BlobWire.PUT && operation != BlobWire.GET && operation != BlobWire.DELETE) {
                refuse(ctx, in, "unknown blob operation " + operation);
                return;
            }
        }
        if (operation == BlobWire.PUT) {
            receiveContent(ctx, in);
        } else if (in.readableBytes() >= BlobKey.BYTES) {
            BlobKey key = BlobWire.readKey(in);
            if (operation == BlobWire.GET) {
                sendContent(ctx, key);
            } else {
                store.delete(key);
                ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(BlobWire.OK));
            }
            operation = 0;
        }
    }

    private void receiveContent(ChannelHandlerContext ctx, ByteBuf in) throws IOException {
        if (upload == null) {
            if (in.readableBytes() < BlobWire.LENGTH_BYTES) {
                return;
            }
            remaining = in.readLong();
            if (remaining < 0) {
                refuse(ctx, in, "negative blob length " + remaining);
                return;
            }
            upload = store.newWriter();
        }
        int chunk = (int) Math.min(remaining, in.readableBytes());
        upload.write(in, chunk);
        remaining -= chunk;
        if (remaining == 0) {
            BlobKey key = store.add(upload);
            upload = null;
            operation = 0;
            ByteBuf reply = ctx.alloc().buffer(1 + BlobKey.BYTES);
            ctx.writeAndFlush(reply.writeByte(BlobWire.OK).writeBytes(key.digest()));
        }
    }

    private void sendContent(ChannelHandlerContext ctx, BlobKey key) throws IOException {
        Optional<Path> file = store.find(key);
        if (file.isEmpty()) {
            ByteBuf reply = ctx.alloc().buffer();
            BlobWire.writeError(reply, "the blob server has no blob " + key);
            ctx.writeAndFlush(reply);
            return;
        }
        long size = Files.size(file.get());
        ctx.write(ctx.alloc().buffer(1 + BlobWire.LENGTH_BYTES).writeByte(BlobWire.OK).writeLong(size));
        ctx.writeAndFlush(new DefaultFileRegion(file.get().toFile(), 0, size));
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        in.skipBytes(in.readableBytes());
        LOG.info("Closed blob connection from {}: {}", ctx.channel().remoteAddress(), reason);
        ByteBuf reply = ctx.alloc().buffer();
        BlobWire.writeError(reply, reason);
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (upload != null) {
            upload.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable error = ConnectionErrors.unwrap(cause);
        String reason = error instanceof IOException ? error.getMessage() : error.toString();
        if (ctx.channel().isActive()) {
            LOG.warn("Blob request from {} failed: {}", ctx.channel().remoteAddress(), reason);
            ByteBuf reply = ctx.alloc().buffer();
            BlobWire.writeError(reply, "the blob server failed: " + reason);
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
