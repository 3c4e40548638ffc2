package io.podflow.rpc;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueCodecTest {

    private final PayloadCodec codec = new PayloadCodec(new RpcTypeRegistry());
    private final GatewayMethod method = new GatewayMethods(codec, new RpcTypeRegistry())
            .ofGateway(MixedGateway.class).values().iterator().next();

    @Test
    void argumentsOfEveryKindRoundTrip() {
        UUID id = UUID.randomUUID();
        Object[] args = {new byte[] {1, 2, 3}, "héllo", id, Duration.ofSeconds(3, 7), 42L, -5, true,
                List.of("a", "b")};

        Object[] decoded = decode(encode(args));

        assertArrayEquals((byte[]) args[0], (byte[]) decoded[0]);
        assertEquals(Arrays.asList(args).subList(1, args.length), Arrays.asList(decoded).subList(1, decoded.length));
    }

    @Test
    void nullReferencesRoundTrip() {
        Object[] decoded = decode(encode(new Object[] {null, null, null, null, null, 1, false, null}));

        assertEquals(Arrays.asList(null, null, null, null, null, 1, false, null), Arrays.asList(decoded));
    }

    @Test
    void commonTypesUseTheBinaryFormAndOthersJson() {
        assertInstanceOf(BinaryValueCodec.class, method.argumentCodecs()[0]);
        assertInstanceOf(JsonValueCodec.class, method.argumentCodecs()[7]);
        assertNull(codec.decodeValue(method.resultCodec(), codec.encodeValue(method.resultCodec(), null, "r"), "r"));
    }

    @Test
    void truncatedOrPaddedPayloadsAreRefused() {
        byte[] valid = encode(new Object[] {new byte[10], "x", UUID.randomUUID(), Duration.ZERO, 1L, 2, true,
                List.of()});

        for (byte[] broken : List.of(Arrays.copyOf(valid, valid.length - 1), Arrays.copyOf(valid, valid.length + 1),
                new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})) {
            RpcCodecException failure = assertThrows(RpcCodecException.class, () -> decode(broken));
            assertTrue(failure.getMessage().startsWith("Cannot decode the arguments of MixedGateway.call"),
                    failure.getMessage());
        }
    }

    private byte[] encode(Object[] args) {
        return codec.encodeArgs(method.argumentCodecs(), args, method.description());
    }

    private Object[] decode(byte[] payload) {
        return codec.decodeArgs(method.argumentCodecs(), payload, method.description());
    }

    /** One method using every binary type plus a JSON one. */
    public interface MixedGateway extends RpcGateway {
        java.util.concurrent.CompletableFuture<Void> call(byte[] bytes, String text, UUID id, Duration duration,
                Long count, int small, boolean flag, List<String> names);
    }
}
