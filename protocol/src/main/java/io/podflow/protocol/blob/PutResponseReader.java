package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;

import java.time.Duration;

/** Reads the key the blob server stored uploaded content under. */
final class PutResponseReader extends BlobResponseReader<BlobKey> {

    PutResponseReader(String server, Duration idleTimeout) {
        super(server, idleTimeout);
    }

    @Override
    protected BlobKey readBody(ByteBuf in) {
        return in.readableBytes() < BlobKey.BYTES ? null : BlobWire.readKey(in);
    }
}
