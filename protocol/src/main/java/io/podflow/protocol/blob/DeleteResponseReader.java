package io.podflow.protocol.blob;

import io.netty.buffer.ByteBuf;

import java.time.Duration;

/** Completes once the blob server confirms a deletion, which has no body. */
final class DeleteResponseReader extends BlobResponseReader<Boolean> {

    DeleteResponseReader(String server, Duration idleTimeout) {
        super(server, idleTimeout);
    }

    @Override
    protected Boolean readBody(ByteBuf in) {
        return Boolean.TRUE;
    }
}
