package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.podflow.rpc.transport.ConnectionErrors;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the blob server's answer to one request: the status byte, then either the error line or, through
 * {@link #readBody}, the operation's result. Whatever ends the connection early fails {@link #result()} with a
 * {@link BlobException} saying what happened.
 */
abstract class BlobResponseReader<T> extends ByteToMessageDecoder {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final String server;
    private final Duration idleTimeout;
    private boolean okay;

    BlobResponseReader(String server, Duration idleTimeout) {
        this.server = server;
        this.idleTimeout = idleTimeout;
    }

    /** Reads the body of an OK response; returns null while more bytes are needed. */
    protected abstract T readBody(ByteBuf in) throws IOException;

    /** Releases whatever a half-read body holds. */
    protected void abandon() {
    }

    CompletableFuture<T> result() {
        return result;
    }

    void fail(Throwable error) {
        if (result.completeExceptionally(error instanceof BlobException ? error
                : new BlobException("Blob transfer with " + server + " failed: " + describe(error), error))) {
            abandon();
        }
    }

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        if (result.isDone()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!okay) {
            if (in.getByte(in.readerIndex()) == BlobWire.ERROR) {
                readError(in);
                return;
            }
            in.skipBytes(1);
            okay = true;
        }
        T body = readBody(in);
        if (body != null) {
            result.complete(body);
        }
    }

    private void readError(ByteBuf in) {
        ByteBuf rest = in.slice(in.readerIndex() + 1, in.readableBytes() - 1);
        String message = BlobWire.readErrorMessage(rest);
        if (message != null) {
            in.skipBytes(in.readableBytes());
            fail(new BlobException("Blob server " + server + " refused the request: " + message));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            fail(new BlobException("Blob transfer with " + server + " made no progress for " + idleTimeout));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(new BlobException("Blob server " + server + " closed the connection before answering"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ConnectionErrors.unwrap(cause));
        ctx.close();
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
