package io.podflow.rpc.transport;

/** One frame of the RPC wire protocol after the handshake; payloads are already-encoded bytes. */
public sealed interface RpcMessage
        permits RpcMessage.Invocation, RpcMessage.Identify, RpcMessage.Result, RpcMessage.Failure {

    /** Correlates a reply with its request; 0 for a tell, which gets no reply. */
    long callId();

    /** Bytes of the frame body, without the 4-byte length prefix. */
    int bodyLength();

    /**
     * A call of a gateway method: {@code signature} is {@code name(type,type)}, {@code fencingToken} the JSON
     * of the caller's token or null, {@code args} the arguments, one
     * encoded value after the other.
     */
    record Invocation(long callId, boolean expectsReply, String endpoint, String signature, byte[] fencingToken,
            byte[] args) implements RpcMessage {
        @Override
        public int bodyLength() {
            return bodyLength(WireStrings.encodedLength(endpoint) - 2, WireStrings.encodedLength(signature) - 2);
        }

        /** The body length given the UTF-8 byte counts of the endpoint name and the signature. */
        int bodyLength(int endpointBytes, int signatureBytes) {
            return 1 + 8 + 2 + endpointBytes + 2 + signatureBytes
                    + 4 + (fencingToken == null ? 0 : fencingToken.length) + args.length;
        }
    }

    /** Asks whether an endpoint of that name exists; answered with an empty {@link Result} or a {@link Failure}. */
    record Identify(long callId, String endpoint) implements RpcMessage {
        @Override
        public int bodyLength() {
            return 1 + 8 + WireStrings.encodedLength(endpoint);
        }
    }

    /** A successful reply: the encoded returned value. */
    record Result(long callId, byte[] value) implements RpcMessage {
        @Override
        public int bodyLength() {
            return 1 + 8 + value.length;
        }
    }

    /** A failed reply: the JSON of a {@code RemoteFailure}. */
    record Failure(long callId, byte[] failure) implements RpcMessage {
        @Override
        public int bodyLength() {
            return 1 + 8 + failure.length;
        }
    }
}
