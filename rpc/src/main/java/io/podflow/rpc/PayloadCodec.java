package io.podflow.rpc;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encodes arguments and results with the {@link ValueCodec} of each declared type (binary for common JDK types,
 * JSON otherwise), and failures and fencing tokens as JSON. Values are always read into the type the receiver
 * declared (the gateway method's signature), never into a type the peer names; the only peer-named types are
 * {@code @JsonTypeInfo} ids, and those resolve only through the {@link RpcTypeRegistry} allow-list.
 */
final class PayloadCodec {

    private final ObjectMapper mapper;
    private final ObjectReader failureReader;
    private final ObjectWriter failureWriter;
    private final Map<Class<?>, ObjectReader> readersByClass = new ConcurrentHashMap<>();

    PayloadCodec(RpcTypeRegistry types) {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .polymorphicTypeValidator(types.validator())
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
                .build();
        this.failureReader = mapper.readerFor(RemoteFailure.class);
        this.failureWriter = mapper.writerFor(RemoteFailure.class);
    }

    JavaType type(Type declared) {
        return mapper.getTypeFactory().constructType(declared);
    }

    ObjectReader reader(JavaType type) {
        return mapper.readerFor(type);
    }

    ObjectWriter writer(JavaType type) {
        return mapper.writerFor(type);
    }

    byte[] encodeArgs(ValueCodec[] codecs, Object[] args, String what) {
        try {
            WireOutput out = new WireOutput();
            for (int i = 0; i < codecs.length; i++) {
                codecs[i].write(args[i], out);
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode the arguments of " + what + ": " + firstLine(e), e);
        }
    }

    Object[] decodeArgs(ValueCodec[] codecs, byte[] payload, String what) {
        try {
            WireInput in = new WireInput(payload);
            Object[] args = new Object[codecs.length];
            for (int i = 0; i < codecs.length; i++) {
                args[i] = codecs[i].read(in);
            }
            expectExhausted(in);
            return args;
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot decode the arguments of " + what + ": " + firstLine(e), e);
        }
    }

    byte[] encodeValue(ValueCodec codec, Object value, String what) {
        try {
            WireOutput out = new WireOutput();
            codec.write(value, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode " + what + ": " + firstLine(e), e);
        }
    }

    Object decodeValue(ValueCodec codec, byte[] payload, String what) {
        try {
            WireInput in = new WireInput(payload);
            Object value = codec.read(in);
            expectExhausted(in);
            return value;
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot decode " + what + ": " + firstLine(e), e);
        }
    }

    /** Encodes a value by its runtime class, for values (fencing tokens) the receiver reads by its own type. */
    byte[] encodeByRuntimeType(Object value, String what) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode " + what + ": " + firstLine(e), e);
        }
    }

    Object decodeAs(Class<?> type, byte[] json, String what) {
        try {
            return readersByClass.computeIfAbsent(type, mapper::readerFor).readValue(json);
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot decode " + what + ": " + firstLine(e), e);
        }
    }

    byte[] encodeFailure(Throwable error) {
        try {
            return failureWriter.writeValueAsBytes(RemoteFailure.of(error));
        } catch (IOException e) {
            throw new IllegalStateException("A RemoteFailure must always be encodable", e);
        }
    }

    Throwable decodeFailure(byte[] json) {
        try {
            return failureReader.<RemoteFailure>readValue(json).toException();
        } catch (IOException | RuntimeException e) {
            return new RpcCodecException("Cannot decode the remote failure: " + firstLine(e), e);
        }
    }

    private static void expectExhausted(WireInput in) throws IOException {
        if (!in.isExhausted()) {
            throw new IOException("unexpected bytes after the last value");
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
